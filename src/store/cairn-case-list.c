/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-case-list"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "cairn-case-list.h"
#include "cairn-date.h"
#include "cairn-error.h"
#include "cairn-ref.h"
#include "cairn-store-private.h"
#include "cairn-user-store.h"
#include "cairn-utils.h"

/*
 * The case table's model.
 *
 * case_index holds one row per case with every column the table shows and
 * sorts by, each sortable column with an index on (key, case_id). A page
 * of rows is fetched by key ("keyset paging"): the rows after the last key
 * of the page before, in index order, so any page costs the same whether
 * it is the first or the nine-thousandth. To jump straight to a far row,
 * the model needs the key that starts its page: "anchors", the key of
 * every PAGE_SIZE-th row for the current filter and order, found by one
 * walk of the index in a worker thread (its own connection) after each
 * change of filter or order. Until they arrive, rows that cannot be
 * reached from a loaded page are placeholders, filled in (items-changed)
 * as soon as they can be.
 *
 * Searching uses case_search (FTS5): each query's matches go into a
 * temporary table once, and pages join it.
 */

#define PAGE_SIZE 100
#define MAX_PAGES 64

/* The ordered key column of each sort, in CairnCaseSort order. */
static const char *sort_columns[CAIRN_N_CASE_SORTS] = {
  "name_key", "birth_key", "stage_key", "due_key", "category_key", "worker_key", "team_key",
  "ref_key",
};

/* ---- the derived index and its triggers ---- */

#define INDEX_COLUMNS                                                                           \
  "case_id, child_number, case_number, ref_key, name_key, display_name, birth_key, unborn,"     \
  " stage_key, edition, due_key, next_rule, category_key, worker_key, team_key, is_open"

#define INDEX_SELECT                                                                            \
  "SELECT c.id, ch.number, c.number, ch.number * 10000 + c.number,"                            \
  " lower(ch.family_name || ' ' || ch.given_name),"                                            \
  " CASE WHEN ch.given_name = '' AND ch.family_name = ''"                                      \
  "  THEN 'Child ' || coalesce(ch.la_child_id, '') || ' (no name recorded)'"                    \
  "  ELSE trim(CASE ch.given_name WHEN '' THEN 'Unborn ' ELSE ch.given_name || ' ' END || ch.family_name) END,"\
  " coalesce(ch.date_of_birth, ch.expected_birth_date, ''),"                                    \
  " ch.date_of_birth IS NULL AND ch.expected_birth_date IS NOT NULL,"                           \
  " coalesce(c.current_stage, ''), coalesce(c.current_edition, ''),"                            \
  " coalesce(c.next_due_on, '9999-12-31'), c.next_rule,"                                        \
  " coalesce((SELECT p.latest_category FROM cp_plans p WHERE p.case_id = c.id"                  \
  "           ORDER BY p.ended_on IS NULL DESC, p.started_on DESC, p.id DESC LIMIT 1), ''),"    \
  " coalesce((SELECT pr.name FROM professionals pr WHERE pr.id = c.lead_worker_id), ''),"        \
  " c.team, c.closed_on IS NULL"                                                               \
  " FROM cases c JOIN children ch ON ch.id = c.child_id"

#define INDEX_UPSERT_TAIL                                                                       \
  " ON CONFLICT (case_id) DO UPDATE SET child_number = excluded.child_number,"                  \
  " case_number = excluded.case_number, ref_key = excluded.ref_key, name_key = excluded.name_key,"\
  " display_name = excluded.display_name, birth_key = excluded.birth_key,"                      \
  " unborn = excluded.unborn, stage_key = excluded.stage_key, edition = excluded.edition,"      \
  " due_key = excluded.due_key, next_rule = excluded.next_rule,"                                \
  " category_key = excluded.category_key, worker_key = excluded.worker_key,"                    \
  " team_key = excluded.team_key, is_open = excluded.is_open"

#define SEARCH_NAMES(ch)                                                                        \
  "trim(" ch ".given_name || ' ' || " ch ".family_name || ' ' || " ch ".other_names || ' ' || "  \
  ch ".aliases)"

#define SEARCH_IDS(ci, ch)                                                                      \
  "printf('C-%06d C%06d %06d C-%06d/%d %s %s %s %s', " ci ".child_number, " ci ".child_number, "\
  ci ".child_number, " ci ".child_number, " ci ".case_number, coalesce(" ch ".nhs_number, ''), "  \
  "coalesce(" ch ".la_child_id, ''), coalesce(" ch ".upn, ''), coalesce(" ch ".former_upn, ''))"

#define SEARCH_NOTES(case_id)                                                                   \
  "(SELECT coalesce(group_concat(t, ' '), '') FROM ("                                            \
  "   SELECT concern AS t FROM referrals WHERE case_id = " case_id " AND concern IS NOT NULL"     \
  "   UNION ALL SELECT notes FROM events WHERE case_id = " case_id " AND notes IS NOT NULL"       \
  "   UNION ALL SELECT outcome FROM events WHERE case_id = " case_id " AND outcome IS NOT NULL))"

#define SEARCH_INSERT                                                                           \
  "INSERT INTO case_search (rowid, names, ids, notes)"                                          \
  " SELECT ci.case_id, " SEARCH_NAMES ("ch") ", " SEARCH_IDS ("ci", "ch") ","                    \
  " " SEARCH_NOTES ("ci.case_id")                                                               \
  " FROM case_index ci JOIN cases c ON c.id = ci.case_id"                                       \
  " JOIN children ch ON ch.id = c.child_id"

static const char index_triggers[] =
  "CREATE TRIGGER cairn_index_cases_insert AFTER INSERT ON cases WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.id = NEW.id" INDEX_UPSERT_TAIL ";\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_cases_update AFTER UPDATE ON cases WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.id = NEW.id" INDEX_UPSERT_TAIL ";\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_children_update AFTER UPDATE ON children WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.child_id = NEW.id" INDEX_UPSERT_TAIL ";\n"
  "  UPDATE case_search SET names = " SEARCH_NAMES ("NEW") "\n"
  "    WHERE rowid IN (SELECT id FROM cases WHERE child_id = NEW.id);\n"
  "  UPDATE case_search SET ids = (SELECT " SEARCH_IDS ("ci", "NEW") " FROM case_index ci WHERE ci.case_id = case_search.rowid)\n"
  "    WHERE rowid IN (SELECT id FROM cases WHERE child_id = NEW.id);\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_plans_insert AFTER INSERT ON cp_plans WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.id = NEW.case_id" INDEX_UPSERT_TAIL ";\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_plans_update AFTER UPDATE ON cp_plans WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.id = NEW.case_id" INDEX_UPSERT_TAIL ";\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_plans_delete AFTER DELETE ON cp_plans WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.id = OLD.case_id" INDEX_UPSERT_TAIL ";\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_workers_update AFTER UPDATE OF name ON professionals WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.lead_worker_id = NEW.id" INDEX_UPSERT_TAIL ";\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_search_insert AFTER INSERT ON case_index WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  INSERT INTO case_search (rowid, names, ids, notes)\n"
  "    SELECT NEW.case_id, " SEARCH_NAMES ("ch") ", " SEARCH_IDS ("NEW", "ch") ", " SEARCH_NOTES ("NEW.case_id") "\n"
  "    FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = NEW.case_id;\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_search_delete AFTER DELETE ON case_index WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  DELETE FROM case_search WHERE rowid = OLD.case_id;\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_events_insert AFTER INSERT ON events WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  UPDATE case_search SET notes = " SEARCH_NOTES ("NEW.case_id") " WHERE rowid = NEW.case_id;\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_events_update AFTER UPDATE ON events WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  UPDATE case_search SET notes = " SEARCH_NOTES ("NEW.case_id") " WHERE rowid = NEW.case_id;\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_events_delete AFTER DELETE ON events WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  UPDATE case_search SET notes = " SEARCH_NOTES ("OLD.case_id") " WHERE rowid = OLD.case_id;\n"
  "END;\n"
  "CREATE TRIGGER cairn_index_referrals_insert AFTER INSERT ON referrals WHEN cairn_index_live()\n"
  "BEGIN\n"
  "  UPDATE case_search SET notes = " SEARCH_NOTES ("NEW.case_id") " WHERE rowid = NEW.case_id;\n"
  "END;\n";

static void
sql_index_live (sqlite3_context *ctx,
                int              argc,
                sqlite3_value  **argv)
{
  sqlite3_result_int (ctx, cairn_store_get_index_live (sqlite3_user_data (ctx)) ? 1 : 0);
}

gboolean
cairn_store_index_register_functions (CairnStore  *self,
                                      GError     **error)
{
  if (sqlite3_create_function_v2 (cairn_store_get_db (self), "cairn_index_live", 0,
                                  SQLITE_UTF8 | SQLITE_INNOCUOUS, self, sql_index_live, NULL, NULL,
                                  NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

/* Recreates the index triggers (run with the migrations, like the audit triggers). */
gboolean
cairn_store_index_install_triggers (CairnStore  *self,
                                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GString) script = g_string_new ("");
  gboolean has_index;

  if (sqlite3_prepare_v2 (cairn_store_get_db (self),
                          "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'cairn_index_%'",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self, error, cairn_store_get_path (self));
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (script, "DROP TRIGGER \"%s\";\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  stmt = NULL;
  sqlite3_prepare_v2 (cairn_store_get_db (self),
                      "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'case_index'", -1,
                      &stmt, NULL);
  has_index = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_finalize (stmt);
  if (has_index)
    g_string_append (script, index_triggers);
  return script->len == 0 || cairn_store_exec (self, script->str, error);
}

/**
 * cairn_store_rebuild_case_index:
 *
 * Rebuilds the case table's index and its search index from the records,
 * in one transaction: after bulk work (demo generation, an import) or to
 * repair them.
 */
gboolean
cairn_store_rebuild_case_index (CairnStore  *self,
                                GError     **error)
{
  gboolean live = cairn_store_get_index_live (self);
  gboolean ok;

  if (!cairn_store_begin (self, error))
    return FALSE;
  cairn_store_set_index_live (self, FALSE);
  ok = cairn_store_exec (self,
                         "DELETE FROM case_index; DELETE FROM case_search;"
                         "INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " ORDER BY c.id;"
                         SEARCH_INSERT " ORDER BY ci.case_id;",
                         error);
  cairn_store_set_index_live (self, live);
  if (!ok)
    {
      cairn_store_rollback (self);
      return FALSE;
    }
  return cairn_store_commit (self, error);
}

/**
 * cairn_store_index_cases:
 * @first_new_case: every case whose id is this or higher is indexed afresh
 *   (the cases bulk work added: one more than the highest id before it)
 * @child_ids: (element-type gint64) (nullable): children whose other cases
 *   are indexed afresh too (their records changed)
 *
 * After bulk work, inside its transaction: brings the case table's index
 * and its search index up to date for the cases it added and the children
 * it changed, where cairn_store_rebuild_case_index() redoes every case of
 * the board.
 */
gboolean
cairn_store_index_cases (CairnStore  *self,
                         gint64       first_new_case,
                         GArray      *child_ids,
                         GError     **error)
{
  static const char *const for_new[] = {
    "DELETE FROM case_search WHERE rowid >= ?1",
    "INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.id >= ?1 ORDER BY c.id"
    INDEX_UPSERT_TAIL,
    SEARCH_INSERT " WHERE ci.case_id >= ?1 ORDER BY ci.case_id",
  };
  static const char *const for_child[] = {
    "DELETE FROM case_search WHERE rowid IN (SELECT id FROM cases WHERE child_id = ?2 AND id < ?1)",
    "INSERT INTO case_index (" INDEX_COLUMNS ") " INDEX_SELECT " WHERE c.child_id = ?2 AND c.id < ?1"
    INDEX_UPSERT_TAIL,
    SEARCH_INSERT " WHERE c.child_id = ?2 AND c.id < ?1",
  };
  gboolean live = cairn_store_get_index_live (self);
  gboolean ok = TRUE;

  cairn_store_set_index_live (self, FALSE);
  for (guint i = 0; ok && child_ids != NULL && i < child_ids->len; i++)
    for (gsize k = 0; ok && k < G_N_ELEMENTS (for_child); k++)
      {
        sqlite3_stmt *stmt = cairn_store_prepare (self, for_child[k], error);

        if (stmt == NULL)
          ok = FALSE;
        else
          {
            sqlite3_bind_int64 (stmt, 1, first_new_case);
            sqlite3_bind_int64 (stmt, 2, g_array_index (child_ids, gint64, i));
            ok = cairn_store_step_done (self, stmt, error);
          }
      }
  for (gsize k = 0; ok && k < G_N_ELEMENTS (for_new); k++)
    {
      sqlite3_stmt *stmt = cairn_store_prepare (self, for_new[k], error);

      if (stmt == NULL)
        ok = FALSE;
      else
        {
          sqlite3_bind_int64 (stmt, 1, first_new_case);
          ok = cairn_store_step_done (self, stmt, error);
        }
    }
  cairn_store_set_index_live (self, live);
  return ok;
}

/**
 * cairn_store_list_case_values:
 * @column: "stage", "edition", "category", "worker" or "team"
 *
 * Returns: (transfer full) (element-type utf8): the distinct values of a
 *   filterable column, for the filter menus
 */
GPtrArray *
cairn_store_list_case_values (CairnStore  *store,
                              const char  *column,
                              GError     **error)
{
  static const struct
  {
    const char *column;
    const char *sql;
  } queries[] = {
    { "stage", "SELECT DISTINCT stage_key FROM case_index WHERE stage_key <> '' ORDER BY 1" },
    { "edition", "SELECT DISTINCT edition FROM case_index WHERE edition <> '' ORDER BY 1" },
    { "category", "SELECT DISTINCT category_key FROM case_index WHERE category_key <> '' ORDER BY 1" },
    { "worker", "SELECT DISTINCT worker_key FROM case_index WHERE worker_key <> '' ORDER BY 1" },
    { "team", "SELECT DISTINCT team_key FROM case_index WHERE team_key <> '' ORDER BY 1" },
  };
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

  if (!cairn_store_require (store, CAIRN_ACTION_VIEW_CASES, error))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (queries); i++)
    if (g_str_equal (queries[i].column, column))
      {
        sqlite3_stmt *stmt = cairn_store_prepare (store, queries[i].sql, error);
        if (stmt == NULL)
          return NULL;
        while (sqlite3_step (stmt) == SQLITE_ROW)
          g_ptr_array_add (values, cairn_column_dup_text (stmt, 0));
        sqlite3_reset (stmt);
        return g_steal_pointer (&values);
      }
  g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Filter: \"%s\" is not a column"), column);
  return NULL;
}

/* ---- filters ---- */

CairnCaseFilter *
cairn_case_filter_new (void)
{
  CairnCaseFilter *f = g_new0 (CairnCaseFilter, 1);

  f->open_state = -1;
  f->sort = CAIRN_CASE_SORT_NEXT_DUE;
  return f;
}

CairnCaseFilter *
cairn_case_filter_copy (const CairnCaseFilter *filter)
{
  CairnCaseFilter *f = g_new0 (CairnCaseFilter, 1);

  *f = *filter;
  f->search = g_strdup (filter->search);
  f->stage = g_strdup (filter->stage);
  f->edition = g_strdup (filter->edition);
  f->category = g_strdup (filter->category);
  f->worker = g_strdup (filter->worker);
  f->team = g_strdup (filter->team);
  return f;
}

void
cairn_case_filter_free (CairnCaseFilter *filter)
{
  if (filter == NULL)
    return;
  g_free (filter->search);
  g_free (filter->stage);
  g_free (filter->edition);
  g_free (filter->category);
  g_free (filter->worker);
  g_free (filter->team);
  g_free (filter);
}

/* Whether the filter shows every case (it may still sort). */
gboolean
cairn_case_filter_is_default (const CairnCaseFilter *f)
{
  return cairn_str_empty (f->search) && cairn_str_empty (f->stage) && cairn_str_empty (f->edition) &&
         cairn_str_empty (f->category) && cairn_str_empty (f->worker) && cairn_str_empty (f->team) &&
         !f->overdue_only && f->open_state < 0;
}

static const char *sort_names[CAIRN_N_CASE_SORTS] = {
  "name", "age", "stage", "next-due", "category", "worker", "team", "ref",
};

/* A JSON form of the filter, to save per user in the board's database. */
char *
cairn_case_filter_to_string (const CairnCaseFilter *f)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  const struct
  {
    const char *name;
    const char *value;
  } strings[] = {
    { "search", f->search }, { "stage", f->stage }, { "edition", f->edition },
    { "category", f->category }, { "worker", f->worker }, { "team", f->team },
  };

  json_builder_begin_object (b);
  for (gsize i = 0; i < G_N_ELEMENTS (strings); i++)
    if (!cairn_str_empty (strings[i].value))
      {
        json_builder_set_member_name (b, strings[i].name);
        json_builder_add_string_value (b, strings[i].value);
      }
  json_builder_set_member_name (b, "overdue");
  json_builder_add_boolean_value (b, f->overdue_only);
  json_builder_set_member_name (b, "open");
  json_builder_add_int_value (b, f->open_state);
  json_builder_set_member_name (b, "sort");
  json_builder_add_string_value (b, sort_names[f->sort]);
  json_builder_set_member_name (b, "descending");
  json_builder_add_boolean_value (b, f->descending);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

CairnCaseFilter *
cairn_case_filter_from_string (const char  *text,
                               GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (CairnCaseFilter) f = cairn_case_filter_new ();
  JsonObject *o;
  const char *sort;

  if (!json_parser_load_from_data (parser, text ? text : "", -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_INVALID, _("Saved filter: is not readable"));
      return NULL;
    }
  o = json_node_get_object (json_parser_get_root (parser));
  f->search = g_strdup (json_object_get_string_member_with_default (o, "search", NULL));
  f->stage = g_strdup (json_object_get_string_member_with_default (o, "stage", NULL));
  f->edition = g_strdup (json_object_get_string_member_with_default (o, "edition", NULL));
  f->category = g_strdup (json_object_get_string_member_with_default (o, "category", NULL));
  f->worker = g_strdup (json_object_get_string_member_with_default (o, "worker", NULL));
  f->team = g_strdup (json_object_get_string_member_with_default (o, "team", NULL));
  f->overdue_only = json_object_get_boolean_member_with_default (o, "overdue", FALSE);
  f->open_state = (int) json_object_get_int_member_with_default (o, "open", -1);
  f->descending = json_object_get_boolean_member_with_default (o, "descending", FALSE);
  sort = json_object_get_string_member_with_default (o, "sort", "next-due");
  for (int i = 0; i < CAIRN_N_CASE_SORTS; i++)
    if (g_strcmp0 (sort, sort_names[i]) == 0)
      f->sort = (CairnCaseSort) i;
  return g_steal_pointer (&f);
}

/* ---- rows ---- */

struct _CairnCaseRow
{
  GObject parent_instance;

  gboolean loaded;
  gint64 case_id;
  gint64 child_number;
  int case_number;
  char *ref;
  char *name;
  char *birth_date;
  gboolean unborn;
  char *stage;
  char *edition;
  char *next_due;
  char *next_rule;
  char *category;
  char *worker;
  char *team;
  gboolean open;
  char *sort_key; /* the key of this row in the current order */
};

G_DEFINE_FINAL_TYPE (CairnCaseRow, cairn_case_row, G_TYPE_OBJECT)

static void
cairn_case_row_finalize (GObject *object)
{
  CairnCaseRow *self = CAIRN_CASE_ROW (object);

  g_free (self->ref);
  g_free (self->name);
  g_free (self->birth_date);
  g_free (self->stage);
  g_free (self->edition);
  g_free (self->next_due);
  g_free (self->next_rule);
  g_free (self->category);
  g_free (self->worker);
  g_free (self->team);
  g_free (self->sort_key);
  G_OBJECT_CLASS (cairn_case_row_parent_class)->finalize (object);
}

static void
cairn_case_row_class_init (CairnCaseRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_case_row_finalize;
}

static void
cairn_case_row_init (CairnCaseRow *self)
{
}

gboolean cairn_case_row_is_loaded (CairnCaseRow *self) { return self->loaded; }
gint64 cairn_case_row_get_child_number (CairnCaseRow *self) { return self->child_number; }
int cairn_case_row_get_case_number (CairnCaseRow *self) { return self->case_number; }
const char *cairn_case_row_get_ref (CairnCaseRow *self) { return self->ref; }
const char *cairn_case_row_get_name (CairnCaseRow *self) { return self->name; }
const char *cairn_case_row_get_birth_date (CairnCaseRow *self) { return self->birth_date; }
gboolean cairn_case_row_get_unborn (CairnCaseRow *self) { return self->unborn; }
const char *cairn_case_row_get_stage (CairnCaseRow *self) { return self->stage; }
const char *cairn_case_row_get_edition (CairnCaseRow *self) { return self->edition; }
const char *cairn_case_row_get_next_due (CairnCaseRow *self) { return self->next_due; }
const char *cairn_case_row_get_next_rule (CairnCaseRow *self) { return self->next_rule; }
const char *cairn_case_row_get_category (CairnCaseRow *self) { return self->category; }
const char *cairn_case_row_get_worker (CairnCaseRow *self) { return self->worker; }
const char *cairn_case_row_get_team (CairnCaseRow *self) { return self->team; }
gboolean cairn_case_row_get_open (CairnCaseRow *self) { return self->open; }

#define ROW_COLUMNS                                                                             \
  "ci.case_id, ci.child_number, ci.case_number, ci.display_name, ci.birth_key, ci.unborn,"      \
  " ci.stage_key, ci.edition, ci.due_key, ci.next_rule, ci.category_key, ci.worker_key,"         \
  " ci.team_key, ci.is_open"

static char *
nonempty (sqlite3_stmt *stmt,
          int           col)
{
  const char *t = (const char *) sqlite3_column_text (stmt, col);

  return t && *t ? g_strdup (t) : NULL;
}

static CairnCaseRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  CairnCaseRow *row = g_object_new (CAIRN_TYPE_CASE_ROW, NULL);
  const char *due;

  row->loaded = TRUE;
  row->case_id = sqlite3_column_int64 (stmt, 0);
  row->child_number = sqlite3_column_int64 (stmt, 1);
  row->case_number = sqlite3_column_int (stmt, 2);
  row->ref = cairn_case_ref_format (row->child_number, row->case_number);
  row->name = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  row->birth_date = nonempty (stmt, 4);
  row->unborn = sqlite3_column_int (stmt, 5);
  row->stage = nonempty (stmt, 6);
  row->edition = nonempty (stmt, 7);
  due = (const char *) sqlite3_column_text (stmt, 8);
  row->next_due = due && strcmp (due, "9999-12-31") != 0 ? g_strdup (due) : NULL;
  row->next_rule = nonempty (stmt, 9);
  row->category = nonempty (stmt, 10);
  row->worker = nonempty (stmt, 11);
  row->team = nonempty (stmt, 12);
  row->open = sqlite3_column_int (stmt, 13);
  row->sort_key = g_strdup ((const char *) sqlite3_column_text (stmt, 14));
  return row;
}

/* ---- the model ---- */

typedef struct
{
  char *key;
  gint64 case_id;
} Anchor;

struct _CairnCaseList
{
  GObject parent_instance;

  CairnStore *store;
  CairnCaseFilter *filter;
  char *today;
  guint n_items;
  guint generation;

  /* WHERE clause (without keyset) and its bound values, for this filter. */
  char *where;
  GPtrArray *params;
  gboolean has_match;
  gboolean walk_sort_index;  /* many matches: walk the order's index, probe the matches */
  gint64 total;              /* cases in the index, counted once (-1: not yet) */
  sqlite3_stmt *first_page;  /* no keyset condition */
  sqlite3_stmt *next_page;   /* keyset condition: rows after (?key, ?id) */

  GHashTable *pages;         /* page number → GPtrArray of CairnCaseRow */
  GQueue page_order;         /* for eviction */
  GArray *anchors;           /* Anchor, one per page; NULL until known */
  GHashTable *pending;       /* pages asked for before their anchor was known */
  GCancellable *anchor_cancellable;
};

static void cairn_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CairnCaseList, cairn_case_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, cairn_case_list_model_init))

static void
anchor_clear (gpointer data)
{
  g_free (((Anchor *) data)->key);
}

static void
clear_query (CairnCaseList *self)
{
  g_clear_pointer (&self->first_page, sqlite3_finalize);
  g_clear_pointer (&self->next_page, sqlite3_finalize);
  g_clear_pointer (&self->where, g_free);
  g_clear_pointer (&self->params, g_ptr_array_unref);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  g_hash_table_remove_all (self->pending);
  g_clear_pointer (&self->anchors, g_array_unref);
  g_cancellable_cancel (self->anchor_cancellable);
  g_clear_object (&self->anchor_cancellable);
  self->generation++;
}

static void
cairn_case_list_finalize (GObject *object)
{
  CairnCaseList *self = CAIRN_CASE_LIST (object);

  clear_query (self);
  if (self->has_match)
    cairn_store_exec (self->store, "DROP TABLE IF EXISTS temp.case_match", NULL);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->filter, cairn_case_filter_free);
  g_clear_pointer (&self->today, g_free);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (cairn_case_list_parent_class)->finalize (object);
}

static void
cairn_case_list_class_init (CairnCaseListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cairn_case_list_finalize;
}

static void
cairn_case_list_init (CairnCaseList *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->pending = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->total = -1;
  g_queue_init (&self->page_order);
  self->filter = cairn_case_filter_new ();
}

/* The FTS5 query for what a person typed: every word as a prefix, all required. */
static char *
fts_query (const char *search)
{
  GString *q = g_string_new (NULL);
  GString *word = g_string_new (NULL);
  gboolean only_digits = TRUE;
  g_autoptr (GString) digits = g_string_new (NULL);

  for (const char *p = search;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;
      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          if (!g_unichar_isdigit (c))
            only_digits = FALSE;
          else
            g_string_append_unichar (digits, c);
        }
      else
        {
          if (word->len > 0)
            {
              /* A case reference's "C" (C-000123) is in every row: it narrows nothing. */
              gboolean ref_letter = (word->str[0] == 'c' || word->str[0] == 'C') && word->len == 1 &&
                                    c != 0 && g_ascii_isdigit (*g_utf8_next_char (p));
              if (!ref_letter)
                /* One letter or digit alone is a word, not a prefix of thousands. */
                g_string_append_printf (q, g_utf8_strlen (word->str, -1) == 1 ? "%s\"%s\"" : "%s\"%s\"*",
                                        q->len ? " " : "", word->str);
            }
          g_string_truncate (word, 0);
          if (c == 0)
            break;
          if (!g_unichar_isspace (c))
            only_digits = FALSE;
        }
    }
  g_string_free (word, TRUE);
  /* "943 476 5919": an NHS number typed in groups. */
  if (only_digits && digits->len > 0 && q->len > 0 && strchr (q->str, ' ') != NULL)
    {
      g_autofree char *grouped = g_string_free (q, FALSE);
      return g_strdup_printf ("(%s) OR \"%s\"*", grouped, digits->str);
    }
  return g_string_free (q, FALSE);
}

/* A whole child or case reference typed in the search ("C-000123",
 * "c000123/2"): found by its key, not by full-text search. */
static gboolean
parse_reference_search (const char *search,
                        gint64     *child_number,
                        int        *case_number)
{
  const char *p = search;
  gint64 number = 0;
  int digits = 0, kase = 0;

  while (g_ascii_isspace (*p))
    p++;
  if (*p != 'C' && *p != 'c')
    return FALSE;
  p++;
  if (*p == '-')
    p++;
  while (g_ascii_isdigit (*p) && digits < 10)
    number = number * 10 + (*p++ - '0'), digits++;
  if (digits < 6 || number == 0)
    return FALSE;
  while (g_ascii_isspace (*p))
    p++;
  if (*p == '/')
    {
      p++;
      while (g_ascii_isdigit (*p) && kase < 10000)
        kase = kase * 10 + (*p++ - '0');
      if (kase == 0)
        return FALSE;
    }
  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return FALSE;
  *child_number = number;
  *case_number = kase;
  return TRUE;
}

static void
add_condition (GString    *where,
               GPtrArray  *params,
               const char *sql,
               const char *value)
{
  g_string_append_printf (where, "%s%s", where->len ? " AND " : "", sql);
  if (value != NULL)
    g_ptr_array_add (params, g_strdup (value));
}

static void
bind_params (sqlite3_stmt *stmt,
             GPtrArray    *params,
             int           first)
{
  for (guint i = 0; i < params->len; i++)
    sqlite3_bind_text (stmt, first + (int) i, g_ptr_array_index (params, i), -1, SQLITE_TRANSIENT);
}

static const char *
match_join (CairnCaseList *self)
{
  if (!self->has_match)
    return "";
  /* CROSS JOIN keeps case_index outermost, so SQLite walks the order's
   * index and stops after a page; with few matches, sorting them is cheaper. */
  return self->walk_sort_index ? " CROSS JOIN temp.case_match m ON m.case_id = ci.case_id"
                               : " JOIN temp.case_match m ON m.case_id = ci.case_id";
}

static gint64
single_count (CairnCaseList *self,
              const char    *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  if (sqlite3_prepare_v2 (cairn_store_get_db (self->store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static guint
count_rows (CairnCaseList  *self,
            GError        **error)
{
  g_autofree char *sql = NULL;

  /* A search and nothing else: the matches are the rows. */
  if (self->has_match && *self->where == '\0')
    return (guint) MAX (0, single_count (self, "SELECT count(*) FROM temp.case_match"));
  sql = g_strdup_printf ("SELECT count(*) FROM case_index ci%s%s%s",
                         self->has_match ? " JOIN temp.case_match m ON m.case_id = ci.case_id" : "",
                         *self->where ? " WHERE " : "", self->where);
  sqlite3_stmt *stmt = NULL;
  guint n = 0;

  if (sqlite3_prepare_v2 (cairn_store_get_db (self->store), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self->store, error, cairn_store_get_path (self->store));
      return 0;
    }
  bind_params (stmt, self->params, 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
page_sql (CairnCaseList *self,
          gboolean       keyset)
{
  const char *key = sort_columns[self->filter->sort];
  const char *dir = self->filter->descending ? "DESC" : "ASC";
  const char *cmp = self->filter->descending ? "<" : ">";
  g_autoptr (GString) where = g_string_new (self->where);

  if (keyset)
    g_string_append_printf (where, "%s(ci.%s, ci.case_id) %s (?%u, ?%u)", where->len ? " AND " : "",
                            key, cmp, self->params->len + 1, self->params->len + 2);
  return g_strdup_printf ("SELECT " ROW_COLUMNS ", ci.%s FROM case_index ci%s%s%s"
                          " ORDER BY ci.%s %s, ci.case_id %s LIMIT %d",
                          key, match_join (self),
                          where->len ? " WHERE " : "", where->str, key, dir, dir, PAGE_SIZE);
}

/**
 * cairn_case_list_set_filter:
 *
 * Applies a filter and order. The model emits one items-changed for the
 * whole list. A search's matches are found once here.
 */
gboolean
cairn_case_list_set_filter (CairnCaseList          *self,
                            const CairnCaseFilter  *filter,
                            GError                **error)
{
  g_autoptr (GString) where = g_string_new (NULL);
  g_autoptr (GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first_sql = NULL, *next_sql = NULL, *query = NULL;
  sqlite3 *db = cairn_store_get_db (self->store);
  guint old_n = self->n_items;
  GDate today;

  if (!cairn_store_require (self->store, CAIRN_ACTION_VIEW_CASES, error))
    return FALSE;
  g_return_val_if_fail (filter->sort < CAIRN_N_CASE_SORTS, FALSE);

  clear_query (self);
  g_clear_pointer (&self->filter, cairn_case_filter_free);
  self->filter = cairn_case_filter_copy (filter);
  cairn_store_get_today (self->store, &today);
  g_free (self->today);
  self->today = cairn_date_to_string (&today);

  {
    gint64 ref_child;
    int ref_case;
    if (!cairn_str_empty (filter->search) &&
        parse_reference_search (filter->search, &ref_child, &ref_case))
      {
        g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, ref_child * 10000 + ref_case);
        g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, ref_child * 10000 + (ref_case ? ref_case : 9999));
        add_condition (where, params, "ci.ref_key BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)", lo);
        g_ptr_array_add (params, g_strdup (hi));
      }
    else if (!cairn_str_empty (filter->search))
      query = fts_query (filter->search);
  }
  if (self->has_match || query != NULL)
    cairn_store_exec (self->store, "DROP TABLE IF EXISTS temp.case_match", NULL);
  self->has_match = FALSE;
  if (query != NULL && *query != '\0')
    {
      sqlite3_stmt *stmt = NULL;
      int rc;
      if (!cairn_store_exec (self->store, "CREATE TEMP TABLE case_match (case_id INTEGER PRIMARY KEY)", error))
        return FALSE;
      rc = sqlite3_prepare_v2 (db, "INSERT INTO temp.case_match SELECT rowid FROM case_search WHERE case_search MATCH ?",
                               -1, &stmt, NULL);
      if (rc == SQLITE_OK)
        {
          sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);
          rc = sqlite3_step (stmt);
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          cairn_store_set_db_error (self->store, error, _("Search"));
          return FALSE;
        }
      self->has_match = TRUE;
      if (self->total < 0)
        self->total = single_count (self, "SELECT count(*) FROM case_index");
      self->walk_sort_index =
        single_count (self, "SELECT count(*) FROM temp.case_match") * 100 > self->total;
    }

  if (!cairn_str_empty (filter->stage))
    add_condition (where, params, "ci.stage_key = ?", filter->stage);
  if (!cairn_str_empty (filter->edition))
    add_condition (where, params, "ci.edition = ?", filter->edition);
  if (!cairn_str_empty (filter->category))
    add_condition (where, params, "ci.category_key = ?", filter->category);
  if (!cairn_str_empty (filter->worker))
    add_condition (where, params, "ci.worker_key = ?", filter->worker);
  if (!cairn_str_empty (filter->team))
    add_condition (where, params, "ci.team_key = ?", filter->team);
  if (filter->overdue_only)
    add_condition (where, params, "ci.is_open = 1 AND ci.due_key < ?", self->today);
  if (filter->open_state >= 0)
    add_condition (where, params, filter->open_state ? "ci.is_open = 1" : "ci.is_open = 0", NULL);
  /* Numbered parameters so that the keyset values can follow them. */
  {
    GString *numbered = g_string_new (NULL);
    guint n = 0;
    for (const char *p = where->str; *p; p++)
      if (*p == '?')
        g_string_append_printf (numbered, "?%u", ++n);
      else
        g_string_append_c (numbered, *p);
    self->where = g_string_free (numbered, FALSE);
  }
  self->params = g_steal_pointer (&params);

  first_sql = page_sql (self, FALSE);
  next_sql = page_sql (self, TRUE);
  if (sqlite3_prepare_v3 (db, first_sql, -1, SQLITE_PREPARE_PERSISTENT, &self->first_page, NULL) != SQLITE_OK ||
      sqlite3_prepare_v3 (db, next_sql, -1, SQLITE_PREPARE_PERSISTENT, &self->next_page, NULL) != SQLITE_OK)
    {
      cairn_store_set_db_error (self->store, error, cairn_store_get_path (self->store));
      return FALSE;
    }
  self->n_items = count_rows (self, error);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  return TRUE;
}

const CairnCaseFilter *
cairn_case_list_get_filter (CairnCaseList *self)
{
  return self->filter;
}

CairnCaseList *
cairn_case_list_new (CairnStore *store)
{
  CairnCaseList *self = g_object_new (CAIRN_TYPE_CASE_LIST, NULL);

  self->store = g_object_ref (store);
  return self;
}

static GPtrArray *
fetch (CairnCaseList *self,
       const char    *after_key,
       gint64         after_id)
{
  sqlite3_stmt *stmt = after_key ? self->next_page : self->first_page;
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (stmt == NULL)
    return rows;
  sqlite3_reset (stmt);
  bind_params (stmt, self->params, 1);
  if (after_key != NULL)
    {
      /* ref_key is an integer column; compare like with like. */
      if (self->filter->sort == CAIRN_CASE_SORT_REF)
        sqlite3_bind_int64 (stmt, self->params->len + 1, g_ascii_strtoll (after_key, NULL, 10));
      else
        sqlite3_bind_text (stmt, self->params->len + 1, after_key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, self->params->len + 2, after_id);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (rows, row_from_stmt (stmt));
  sqlite3_reset (stmt);
  return rows;
}

static void
store_page (CairnCaseList *self,
            guint          page,
            GPtrArray     *rows)
{
  g_hash_table_replace (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    {
      guint old = GPOINTER_TO_UINT (g_queue_pop_head (&self->page_order));
      if (old != page)
        g_hash_table_remove (self->pages, GUINT_TO_POINTER (old));
    }
}

/* Loads @page if its start can be reached: page 0, a loaded page before
 * it, or a known anchor. Returns the rows, or NULL when it cannot yet. */
static GPtrArray *
load_page (CairnCaseList *self,
           guint          page)
{
  GPtrArray *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  GPtrArray *before;

  if (rows != NULL)
    return rows;
  if (page == 0)
    rows = fetch (self, NULL, 0);
  else if ((before = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page - 1))) != NULL &&
           before->len == PAGE_SIZE)
    {
      CairnCaseRow *last = g_ptr_array_index (before, before->len - 1);
      rows = fetch (self, last->sort_key, last->case_id);
    }
  else if (self->anchors != NULL && page < self->anchors->len)
    {
      Anchor *a = &g_array_index (self->anchors, Anchor, page);
      rows = fetch (self, a->key, a->case_id);
    }
  else
    return NULL;
  store_page (self, page, rows);
  return rows;
}

static GType
cairn_case_list_get_item_type (GListModel *model)
{
  return CAIRN_TYPE_CASE_ROW;
}

static guint
cairn_case_list_get_n_items (GListModel *model)
{
  return CAIRN_CASE_LIST (model)->n_items;
}

static gpointer
cairn_case_list_get_item (GListModel *model,
                          guint       position)
{
  CairnCaseList *self = CAIRN_CASE_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;
  rows = load_page (self, page);
  if (rows == NULL)
    {
      /* Not reachable yet: a placeholder, filled when the anchors arrive. */
      g_hash_table_add (self->pending, GUINT_TO_POINTER (page));
      cairn_case_list_prepare_anchors_async (self);
      return g_object_new (CAIRN_TYPE_CASE_ROW, NULL);
    }
  if (position % PAGE_SIZE >= rows->len)
    return g_object_new (CAIRN_TYPE_CASE_ROW, NULL);
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
cairn_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cairn_case_list_get_item_type;
  iface->get_n_items = cairn_case_list_get_n_items;
  iface->get_item = cairn_case_list_get_item;
}

/* The anchors: the key of the first row of every page, in one walk of the
 * index. With a search, the worker finds the matches again itself (the
 * temporary table belongs to the main connection). */
typedef struct
{
  CairnStore *worker;
  char *sql;
  char *match_query;
  GPtrArray *params;
  gboolean int_key;
  guint generation;
  GArray *anchors;
} AnchorJob;

static void
anchor_job_free (AnchorJob *job)
{
  g_clear_object (&job->worker);
  g_free (job->sql);
  g_free (job->match_query);
  g_clear_pointer (&job->params, g_ptr_array_unref);
  g_clear_pointer (&job->anchors, g_array_unref);
  g_free (job);
}

static char *
anchor_sql (CairnCaseList *self,
            gboolean       for_worker)
{
  const char *key = sort_columns[self->filter->sort];
  const char *dir = self->filter->descending ? "DESC" : "ASC";
  g_autofree char *join = NULL;

  if (!self->has_match)
    join = g_strdup ("");
  else if (for_worker)
    join = g_strdup_printf (" JOIN (SELECT rowid AS case_id FROM case_search WHERE case_search MATCH ?%u) m"
                            " ON m.case_id = ci.case_id",
                            self->params->len + 1);
  else
    join = g_strdup (match_join (self));
  return g_strdup_printf (
    "SELECT ci.%s, ci.case_id FROM case_index ci%s%s%s ORDER BY ci.%s %s, ci.case_id %s", key, join,
    *self->where ? " WHERE " : "", self->where, key, dir, dir);
}

static GArray *
walk_anchors (sqlite3      *db,
              const char   *sql,
              GPtrArray    *params,
              const char   *match_query,
              GCancellable *cancellable,
              GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  GArray *anchors = g_array_new (FALSE, FALSE, sizeof (Anchor));
  guint64 i = 0;
  int rc;

  g_array_set_clear_func (anchors, anchor_clear);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, CAIRN_ERROR, CAIRN_ERROR_DATABASE, "%s", sqlite3_errmsg (db));
      g_array_unref (anchors);
      return NULL;
    }
  bind_params (stmt, params, 1);
  if (match_query != NULL)
    sqlite3_bind_text (stmt, params->len + 1, match_query, -1, SQLITE_TRANSIENT);
  /* Anchor k is the last row of page k - 1: fetching "after" it gives page k. */
  {
    Anchor none = { NULL, 0 };
    g_array_append_val (anchors, none);
  }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      i++;
      if (i % PAGE_SIZE == 0)
        {
          Anchor a;
          a.key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          a.case_id = sqlite3_column_int64 (stmt, 1);
          g_array_append_val (anchors, a);
          if ((i / PAGE_SIZE) % 256 == 0 && g_cancellable_is_cancelled (cancellable))
            break;
        }
    }
  sqlite3_finalize (stmt);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_array_unref (anchors);
      return NULL;
    }
  return anchors;
}

/* Finds the anchors now, on this thread (used by tests and benchmarks). */
gboolean
cairn_case_list_ensure_anchors (CairnCaseList  *self,
                                GError        **error)
{
  g_autofree char *sql = NULL;

  if (self->anchors != NULL)
    return TRUE;
  sql = anchor_sql (self, FALSE);
  self->anchors = walk_anchors (cairn_store_get_db (self->store), sql, self->params, NULL, NULL, error);
  return self->anchors != NULL;
}

static void
anchor_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AnchorJob *job = task_data;
  g_autoptr (GError) error = NULL;

  job->anchors = walk_anchors (cairn_store_get_db (job->worker), job->sql, job->params,
                               job->match_query, cancellable, &error);
  if (job->anchors == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
anchors_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  CairnCaseList *self = CAIRN_CASE_LIST (source);
  AnchorJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GList) pending = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) || job->generation != self->generation)
    return;
  self->anchors = g_steal_pointer (&job->anchors);
  pending = g_hash_table_get_keys (self->pending);
  g_hash_table_remove_all (self->pending);
  for (GList *l = pending; l != NULL; l = l->next)
    {
      guint page = GPOINTER_TO_UINT (l->data);
      guint start = page * PAGE_SIZE;
      if (start < self->n_items && load_page (self, page) != NULL)
        g_list_model_items_changed (G_LIST_MODEL (self), start, MIN (PAGE_SIZE, self->n_items - start),
                                    MIN (PAGE_SIZE, self->n_items - start));
    }
}

void
cairn_case_list_prepare_anchors_async (CairnCaseList *self)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *query = NULL;
  AnchorJob *job;

  if (self->anchors != NULL || self->anchor_cancellable != NULL || self->where == NULL)
    return;
  job = g_new0 (AnchorJob, 1);
  job->worker = cairn_store_open_worker (self->store, &error);
  if (job->worker == NULL)
    {
      g_warning ("Cannot open a second connection for the case table: %s", error->message);
      anchor_job_free (job);
      return;
    }
  job->sql = anchor_sql (self, TRUE);
  job->params = g_ptr_array_ref (self->params);
  job->generation = self->generation;
  if (self->has_match)
    job->match_query = fts_query (self->filter->search);
  self->anchor_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->anchor_cancellable, anchors_ready, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) anchor_job_free);
  g_task_run_in_thread (task, anchor_thread);
}

/* Forgets every loaded page (after a change to a case) and counts again. */
void
cairn_case_list_reload (CairnCaseList *self)
{
  g_autoptr (CairnCaseFilter) filter = cairn_case_filter_copy (self->filter);

  self->total = -1;
  cairn_case_list_set_filter (self, filter, NULL);
}

/* The position of a case in the current order, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint
cairn_case_list_find (CairnCaseList *self,
                      gint64         child_number,
                      int            case_number)
{
  for (guint i = 0; i < self->n_items && i < 10 * PAGE_SIZE; i++)
    {
      GPtrArray *rows = load_page (self, i / PAGE_SIZE);
      CairnCaseRow *row;
      if (rows == NULL || i % PAGE_SIZE >= rows->len)
        break;
      row = g_ptr_array_index (rows, i % PAGE_SIZE);
      if (row->child_number == child_number && row->case_number == case_number)
        return i;
    }
  return G_MAXUINT;
}
