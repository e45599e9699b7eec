// libxml2's HTML parser (Debian libxml2-dev), for reading article pages as published.
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the ICU Foundation bundles; kb never
// touches the ICU members of libxml2's encoding structures, so they are left out of this view.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
