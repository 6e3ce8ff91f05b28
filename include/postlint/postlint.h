/* SPDX-License-Identifier: Apache-2.0 */
/* postlint: a privacy linter for police social-media posts. The one header to include. */
#ifndef POSTLINT_H
#define POSTLINT_H

#define PL_VERSION "0.1.0"

#include "postlint/buf.h"
#include "postlint/config.h"
#include "postlint/findings.h"
#include "postlint/lint.h"
#include "postlint/media.h"
#include "postlint/post.h"
#include "postlint/report.h"
#include "postlint/rules.h"
#include "postlint/scan.h"
#include "postlint/status.h"

#endif
