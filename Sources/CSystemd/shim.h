#ifndef INCIDENTD_CSYSTEMD_SHIM_H
#define INCIDENTD_CSYSTEMD_SHIM_H
// libsystemd: only the non-variadic entry points are used from Swift (sd_journal_sendv, sd_notify).
#include <systemd/sd-journal.h>
#include <systemd/sd-daemon.h>
// glibc's malloc_trim (not in Swift's Glibc module), for HeapTrim.
#include <malloc.h>
#endif
