// libarchive (Debian's libarchive-dev), bound as a system library: tally writes and reads
// its dataset archives through it.
#include <archive.h>
#include <archive_entry.h>
