/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-error"

#include "config.h"

#include "cairn-error.h"

G_DEFINE_QUARK (cairn-error-quark, cairn_error)
