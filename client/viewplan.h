/* Steps 4 and 5 of a step's page (viewplan.c), and what every part of a
 * step's page shares with them (viewstep.c). */
#ifndef AANDESLAG_VIEWPLAN_H
#define AANDESLAG_VIEWPLAN_H

#include <curses.h>
#include <stdint.h>

#include "model.h"
#include "ui.h"
#include "viewtext.h"

/* What every part of a step's page needs. */
struct viewpage {
	const struct ui *ui;
	const struct model_room *room;
	const struct vt_glyphs *g;
	uint32_t self;          /* who is looking (0: a viewer) */
	unsigned step;          /* the step on the page */
	attr_t normal, bold, dim, ok, warn, table;
};

/* Returns the columns of the widest id "<letter><number>" up to max. */
int viewpage_id_width(uint32_t max);

/* Starts an item of a list: its id at column 2, its text at
 * 2 + width + 2, where its wrapped lines go on too. */
void viewpage_item(struct vt_flow *f, const struct viewpage *p, char letter,
                   uint32_t id, int width);

/* Step 4: the activities, then the chosen competences without one. */
void viewplan_activities(struct vt_flow *f, const struct viewpage *p);

/* Step 4: the activity map, with the ids to take an example over. */
void viewplan_catalogue(struct vt_flow *f, const struct viewpage *p);

/* Step 5: the actions, then the time plan. */
void viewplan_actions(struct vt_flow *f, const struct viewpage *p);

/* Step 5 of a room in a workshop (or with findings all the same): the
 * "Terugkoppeling" block with the findings the room brings back, by
 * their ids t1, t2, ..., and how to add one while there is room. */
void viewplan_findings(struct vt_flow *f, const struct viewpage *p);

#endif
