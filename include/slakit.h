/**
 * @file slakit.h
 * @brief slakit: service level reports from service-desk exports.
 *
 * The one header to include; it pulls in every module header.
 */
#ifndef SLAKIT_H
#define SLAKIT_H

#include "slakit/version.h"
#include "slakit/error.h"
#include "slakit/tz.h"
#include "slakit/datetime.h"
#include "slakit/duration.h"
#include "slakit/decimal.h"
#include "slakit/holidays.h"
#include "slakit/calendar.h"
#include "slakit/contract.h"
#include "slakit/db.h"
#include "slakit/import.h"
#include "slakit/period.h"
#include "slakit/ticket.h"
#include "slakit/compute.h"
#include "slakit/results.h"
#include "slakit/suppliers.h"
#include "slakit/summary.h"
#include "slakit/deviations.h"
#include "slakit/cadence.h"
#include "slakit/breakdown.h"
#include "slakit/score.h"
#include "slakit/report.h"

#endif
