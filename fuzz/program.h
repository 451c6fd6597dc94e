/* The program fuzz-model reads (fuzz_model.c), written down once for the
 * target and for the seed generator (seeds.c).
 *
 * A program is a sequence of steps, each
 *
 *   TIME SLOT OP ARGUMENTS...
 *
 * TIME (one byte t) moves the clock on by t * t * 100 ms; SLOT (0..8,
 * taken modulo 9) is the colleague who acts; OP (modulo PROGRAM_OP_COUNT)
 * one of the operations below, followed by the bytes it reads (see
 * fuzz_model_step()). Strings are a length byte and that many bytes.
 * Header only: an enum, shared. */
#ifndef AANDESLAG_FUZZ_PROGRAM_H
#define AANDESLAG_FUZZ_PROGRAM_H

#define PROGRAM_SLOTS 9

enum program_op {
	PROGRAM_JOIN,           /* a fresh name */
	PROGRAM_JOIN_NAMED,     /* STR name */
	PROGRAM_PRESENCE,       /* the connection goes, or comes back */
	PROGRAM_SERVER_LEAVE,   /* the server frees the seat */
	PROGRAM_GIVE_CHAIR,     /* the chair recovery code */
	PROGRAM_ANNOUNCE,       /* STR text */
	PROGRAM_INTERRUPT,      /* the server stopped while a clock ran */
	PROGRAM_LEAVE,
	PROGRAM_NOTE,           /* FLAGS(step%7, author, on behalf) STR ... */
	PROGRAM_EDIT_NOTE,      /* NOTE STR */
	PROGRAM_DELETE_NOTE,    /* NOTE */
	PROGRAM_CLOCK,          /* ACTION MINUTES */
	PROGRAM_STEP,           /* ACTION STEP */
	PROGRAM_SETTING,        /* KEY FLAGS [STR] NUMBER STEP NUMBERS... */
	PROGRAM_HAND_OVER,      /* SLOT */
	PROGRAM_REMOVE,         /* SLOT */
	PROGRAM_SCRIBE,         /* SLOT (bit 7: on) */
	PROGRAM_QUESTION,       /* STEP STR */
	PROGRAM_TABLE,          /* KIND ... */
	PROGRAM_VOTE,           /* REMOVE CATEGORY COMPETENCE */
	PROGRAM_MARK,           /* MARKED CATEGORY COMPETENCE */
	PROGRAM_ACTIVITY,       /* EDIT FLAGS ID STR ... */
	PROGRAM_ACTION,         /* EDIT FLAGS ID STR ... */
	PROGRAM_CLAIM,          /* RELEASE ACTION */
	PROGRAM_STATUS,         /* STATUS ACTION */
	PROGRAM_FINISH,
	PROGRAM_TAKE_CHAIR,
	PROGRAM_RECOGNISE,      /* SLOT */
	PROGRAM_FINDING,        /* FLAGS NOTE | STR */
	PROGRAM_DELETE_ITEM,    /* KIND ITEM */
	PROGRAM_RAW,            /* LEN16 BYTES: a packed Command */
	PROGRAM_RESYNC,         /* snapshots out and back into the mirror */
	PROGRAM_OP_COUNT
};

#endif
