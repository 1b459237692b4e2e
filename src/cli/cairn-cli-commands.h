/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* One function per cairn-cli command; each file under src/cli/ holds the
 * commands of one area. Add a command here and in cairn-cli.c's table. */

int cairn_cli_check  (int argc, char **argv);
int cairn_cli_cin    (int argc, char **argv);
int cairn_cli_demo   (int argc, char **argv);
int cairn_cli_list   (int argc, char **argv);
int cairn_cli_user   (int argc, char **argv);
int cairn_cli_audit  (int argc, char **argv);
int cairn_cli_backup (int argc, char **argv);
int cairn_cli_restore (int argc, char **argv);
int cairn_cli_export (int argc, char **argv);
int cairn_cli_import (int argc, char **argv);

/* cairn-cli-pathway.c */
int cairn_cli_add_working_days (int argc, char **argv);
int cairn_cli_due_date         (int argc, char **argv);
int cairn_cli_due              (int argc, char **argv);

/* cairn-cli-report.c */
int cairn_cli_report (int argc, char **argv);

/* cairn-cli-pathway-view.c */
int cairn_cli_pathway          (int argc, char **argv);

/* cairn-cli-annual.c */
int cairn_cli_annual (int argc, char **argv);
