// Manage Tokens' Sign Out: OpenID Connect RP-Initiated Logout in a login window, whose cookies are the
// sign-in's (the provider knows whose session to end), with the provider's own confirmation page.

#include "oauth/rplogout.h"
#include "oauth/tokenstore.h"
#include "ui/login/loginwindowplugin.h"
#include "ui/oauth/loginwindows.h"
#include "ui/oauth/tokensdialog.h"
#include "ui/widgets/palette.h"

#include <QDialog>
#include <QPushButton>

#include <memory>

using namespace Qt::StringLiterals;

namespace Postern {

void TokensDialog::signOut()
{
    const std::optional<OAuth2Token> token = m_store->token(selectedId());
    if (!token || m_signOutWindow)
        return;
    const RpLogout::Start start = RpLogout::begin(m_config, *token);
    if (!start.problem.isEmpty()) {
        showActionMessage(start.problem, true);
        return;
    }
    const OAuth2Config config = m_config;
    const QString state = start.state;
    // One guard shared by the hooks (the window may outlive this dialog).
    const auto guard = std::make_shared<QPointer<TokensDialog>>(this);
    const auto answered = std::make_shared<bool>(false); // the redirect came: closing is not giving up
    LoginHooks hooks;
    hooks.isCallback = [config](const QUrl &url) {
        return RpLogout::isReturn(config, url);
    };
    hooks.redirect = [guard, answered, state, issuer = token->issuer](const QUrl &url) {
        TokensDialog *self = *guard;
        if (!self || *answered)
            return;
        *answered = true;
        const QString problem = RpLogout::finish(url, state);
        QString text = problem;
        if (problem.isEmpty() && issuer.isEmpty())
            text = tr("Signed out at the server. The token itself stays as it is: Revoke ends it.");
        else if (problem.isEmpty())
            text = tr("Signed out at %1. The token itself stays as it is: Revoke ends it.").arg(issuer);
        self->showActionMessage(text, !problem.isEmpty());
        if (self->m_signOutWindow)
            self->m_signOutWindow->close();
        self->showDetails();
    };
    hooks.closed = [guard, answered] {
        TokensDialog *self = *guard;
        if (!self || *answered)
            return;
        self->showActionMessage(tr("The sign-out window was closed before the server confirmed it."), true);
        self->showDetails();
    };
    hooks.warningStyleSheet = Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText, true);
    QString error;
    m_signOutWindow = LoginWindows::create(start.url, hooks, this, &error);
    if (!m_signOutWindow) {
        showActionMessage(error, true);
        return;
    }
    m_signOutWindow->setAttribute(Qt::WA_DeleteOnClose);
    m_signOutWindow->setObjectName(u"signOutWindow"_s);
    m_signOutButton->setEnabled(false);
    showActionMessage(tr("Signing out at the server: confirm in the window that opened."), false);
    m_signOutWindow->show();
}

} // namespace Postern
