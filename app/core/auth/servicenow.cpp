#include "auth/servicenow.h"

using namespace Qt::StringLiterals;

namespace Postern::ServiceNow {

QString authorizePath()
{
    return u"/oauth_auth.do"_s;
}

QString tokenPath()
{
    return u"/oauth_token.do"_s;
}

QString revokePath()
{
    return u"/oauth_revoke_token.do"_s;
}

QString tablePath()
{
    return u"/api/now/table/"_s;
}

QString instanceRoot(const QString &instance)
{
    QString base = instance.trimmed();
    if (!base.contains(u"://"_s))
        base = base.contains(u'.') ? u"https://"_s + base : u"https://%1.service-now.com"_s.arg(base);
    while (base.endsWith(u'/'))
        base.chop(1);
    return base;
}

} // namespace Postern::ServiceNow
