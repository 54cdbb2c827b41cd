#pragma once

#include <QByteArray>
#include <QString>

namespace Postern::Sandbox {

// The few HTML pages a browser sees during sign-in: login form, consent, errors. Plain HTML5 forms that
// work without JavaScript; every echoed value is escaped; every visible input has a <label for>. Stable
// ids (login, allow, deny, error) let tests and GUI tests drive the pages.
class HtmlPages
{
public:
    static constexpr QStringView formTokenField = u"sysparm_ck";

    // requestId may be empty (a direct visit); error is shown above the form when non-empty; formToken
    // goes in the hidden field formTokenField.
    static QByteArray login(const QString &requestId, const QString &clientName, const QString &userName,
                            const QString &error, const QString &formToken);
    static QByteArray consent(const QString &requestId, const QString &clientName, const QString &scope,
                              const QString &userDisplayName);
    static QByteArray error(const QString &title, const QString &text);
    static QByteArray message(const QString &title, const QString &text);
};

} // namespace Postern::Sandbox
