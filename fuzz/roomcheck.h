/* The invariants of a room that fuzz-model checks after every step. */
#ifndef AANDESLAG_FUZZ_ROOMCHECK_H
#define AANDESLAG_FUZZ_ROOMCHECK_H

#include "model.h"

/* Aborts (TARGET_ASSERT) unless room keeps every rule of a room: at most
 * MODEL_SEATS seated with unique ids below the next id, at most one
 * chair, texts and settings valid and within their limits, note and item
 * ids unique, dots only from known voters. Owns nothing. */
void roomcheck_room(const struct model_room *room);

#endif
