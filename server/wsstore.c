/* Workshops in storage: the rows of the workshops table (see wsstore.h).
 * Each write runs in its own "op" savepoint, like the store's own, so
 * that it is all or nothing inside the turn's transaction too. */
#include "wsstore.h"

#include <sqlite3.h>

#include "db.h"

int
wsstore_put(struct store *st, const struct wsstore_row *row)
{
	int rc = db_op_begin(st);

	if (rc < 0)
		return rc;
	db_bind_text(st, DB_PUT_WORKSHOP, 1, row->code);
	db_bind_int(st, DB_PUT_WORKSHOP, 2, row->created_ms);
	db_bind_int(st, DB_PUT_WORKSHOP, 3, row->used_ms);
	db_bind_blob(st, DB_PUT_WORKSHOP, 4, row->record, row->len);
	rc = db_run(st, DB_PUT_WORKSHOP);
	return db_op_end(st, rc);
}

int
wsstore_delete(struct store *st, const char *code)
{
	int rc = db_op_begin(st);

	if (rc < 0)
		return rc;
	db_bind_text(st, DB_DELETE_WORKSHOP, 1, code);
	rc = db_run(st, DB_DELETE_WORKSHOP);
	return db_op_end(st, rc);
}

int
wsstore_load(struct store *st, int (*each)(void *arg,
             const struct wsstore_row *row), void *arg)
{
	sqlite3_stmt *s = st->stmt[DB_LOAD_WORKSHOPS];
	struct wsstore_row row;
	int rc;

	while ((rc = db_step(st, DB_LOAD_WORKSHOPS)) == 1) {
		row.code = (const char *)sqlite3_column_text(s, 0);
		row.created_ms = sqlite3_column_int64(s, 1);
		row.used_ms = sqlite3_column_int64(s, 2);
		row.record = db_column_blob(st, DB_LOAD_WORKSHOPS, 3, &row.len);
		if (row.code == NULL)
			continue;
		rc = each(arg, &row);
		if (rc < 0)
			break;
	}
	db_reset(st, DB_LOAD_WORKSHOPS);
	return rc < 0 ? rc : 0;
}
