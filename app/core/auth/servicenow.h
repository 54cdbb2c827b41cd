#pragma once

#include <QString>

namespace Postern {

// What Postern knows of a ServiceNow instance's addresses, in one place: its OAuth 2.0 endpoints and
// its Table API, relative to the instance's root ("https://dev12345.service-now.com").
namespace ServiceNow {

QString authorizePath(); // "/oauth_auth.do": the authorization endpoint
QString tokenPath(); // "/oauth_token.do": the token endpoint
QString revokePath(); // "/oauth_revoke_token.do": the revocation endpoint (RFC 7009)
QString tablePath(); // "/api/now/table/": the Table API, followed by a table name

// The instance's root from what people type: a full URL, a host name, or only the instance's name
// ("dev12345" → "https://dev12345.service-now.com"); no trailing slash.
QString instanceRoot(const QString &instance);

} // namespace ServiceNow

} // namespace Postern
