// Manage Tokens' buttons that ask the server about the selected token: Refresh (RFC 6749 §6), Revoke
// (RFC 7009), Is It Active? (RFC 7662) and UserInfo (OpenID Connect Core §5.3), each answering under
// the list in a message a screen reader reads.

#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrefresher.h"
#include "oauth/tokenstore.h"
#include "tokentools/jwt.h"
#include "tokentools/userinfo.h"
#include "ui/oauth/tokensdialog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Postern {

void TokensDialog::refreshSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || !m_services.refresher)
        return;
    m_refreshButton->setEnabled(false);
    showActionMessage(tr("Refreshing…"), false);
    m_services.refresher->ensureFresh(
        id, m_config,
        [this, guard = QPointer(this)](const OAuth2Result &result) {
            if (!guard)
                return;
            QString text = result.message;
            if (result.ok() && result.token.hasExpiry())
                text = tr("Refreshed: the token is good until %1.").arg(localTime(result.token.expiresAt));
            else if (result.ok())
                text = tr("Refreshed: the token is good until further notice.");
            showActionMessage(text, !result.ok());
            showDetails();
        },
        TokenRefresher::Refresh::Always);
}

void TokensDialog::revokeSelected()
{
    const std::optional<OAuth2Token> token = m_store->token(selectedId());
    if (!token || !m_services.endpoint)
        return;
    if (!token->configKey.isEmpty() && token->configKey != m_config.key()) {
        showActionMessage(
            tr("This token was obtained with another OAuth 2.0 configuration (%1); it is not sent to this "
               "one's revoke URL. Delete it here, or revoke it from the form it came from.")
                .arg(token->issuer),
            true);
        return;
    }
    QString url = m_config.revokeUrl.trimmed();
    if (url.isEmpty())
        url = TokenEndpointClient::serviceNowRevokeUrl(m_config);
    if (url.isEmpty()) {
        showActionMessage(
            tr("No Revoke Token URL is set in Get New Access Token, so the server cannot be asked."), true);
        return;
    }
    m_revokeButton->setEnabled(false);
    showActionMessage(tr("Revoking…"), false);
    TokenEndpointJob *job = m_services.endpoint->revoke(m_config, *token, url);
    // Marked revoked whatever the server said, and even if this dialog is closed meanwhile: the user asked
    // for it to stop being used. The token is read again then, so a refresh in between is not undone.
    connect(job, &TokenEndpointJob::finished, m_store,
            [store = m_store, id = token->id](const OAuth2Result &) {
                if (std::optional<OAuth2Token> current = store->token(id)) {
                    current->revoked = true;
                    store->update(*current);
                }
            });
    connect(job, &TokenEndpointJob::finished, this, [this](const OAuth2Result &result) {
        m_use->setEnabled(false);
        showActionMessage(
            result.failure == OAuth2Result::Failure::None
                ? tr("Revoked at the server; Postern will not use it again.")
                : tr("The server did not confirm the revocation (%1). The token is marked revoked here.")
                      .arg(result.message),
            result.failure != OAuth2Result::Failure::None);
    });
}

void TokensDialog::introspectSelected()
{
    const std::optional<OAuth2Token> token = m_store->token(selectedId());
    if (!token || !m_services.endpoint)
        return;
    if (!token->configKey.isEmpty() && token->configKey != m_config.key()) {
        showActionMessage(
            tr("This token was obtained with another OAuth 2.0 configuration (%1); it is not sent to "
               "this one's introspection endpoint.")
                .arg(token->issuer),
            true);
        return;
    }
    if (m_config.introspectionUrl.trimmed().isEmpty()) {
        showActionMessage(
            tr("The server's introspection endpoint is not known: Discover in Get New Access Token "
               "finds it (introspection_endpoint)."),
            true);
        return;
    }
    m_introspectButton->setEnabled(false);
    showActionMessage(tr("Asking the server…"), false);
    TokenEndpointJob *job = m_services.endpoint->introspect(m_config, *token, m_config.introspectionUrl);
    connect(job, &TokenEndpointJob::finished, this, [this, job](const OAuth2Result &result) {
        m_introspectButton->setEnabled(true);
        if (result.failure != OAuth2Result::Failure::None) {
            showActionMessage(result.message, true);
            return;
        }
        // RFC 7662 §2.2: only "active" is sure; the rest is said when the server gave it.
        const QJsonObject answer = job->answer();
        if (!answer.value(u"active"_s).toBool()) {
            showActionMessage(
                tr("Not active: the server no longer takes this token (expired, revoked, or unknown "
                   "to it)."),
                true);
            return;
        }
        QStringList facts;
        const auto text = [&answer](const char *key) {
            return answer.value(QString::fromLatin1(key)).toString().left(200);
        };
        if (!text("scope").isEmpty())
            facts << tr("scope %1").arg(text("scope"));
        if (!text("client_id").isEmpty())
            facts << tr("client %1").arg(text("client_id"));
        if (!text("sub").isEmpty())
            facts << tr("subject %1").arg(text("sub"));
        if (const QJsonValue exp = answer.value(u"exp"_s); exp.isDouble())
            facts << tr("expires %1")
                         .arg(QDateTime::fromSecsSinceEpoch(qint64(exp.toDouble()))
                                  .toLocalTime()
                                  .toString(Qt::ISODate));
        showActionMessage(facts.isEmpty() ? tr("Active at the server.")
                                          : tr("Active at the server: %1.").arg(facts.join(u", "_s)),
                          false);
    });
}

void TokensDialog::fetchUserInfo()
{
    const std::optional<OAuth2Token> token = m_store->token(selectedId());
    if (!token || !m_services.network)
        return;
    if (m_config.userInfoUrl.trimmed().isEmpty()) {
        showActionMessage(
            tr("The server's UserInfo endpoint is not known: Discover in Get New Access Token finds "
               "it (userinfo_endpoint)."),
            true);
        return;
    }
    // OpenID Connect Core §5.3.2: the answer must be about the ID token's subject.
    const QString subject = token->idToken.isEmpty()
        ? QString()
        : Jwt::decode(token->idToken).payload.value(u"sub"_s).toString();
    auto *fetcher = new UserInfoFetcher(m_services.network, this);
    m_userInfoButton->setEnabled(false);
    showActionMessage(tr("Asking the server who the token is for…"), false);
    connect(fetcher, &UserInfoFetcher::finished, this, [this, fetcher](const UserInfoResult &result) {
        fetcher->deleteLater();
        m_userInfoButton->setEnabled(true);
        if (!result.ok()) {
            showActionMessage(result.error, true);
            return;
        }
        // The claims as the server gave them, a line each (objects and lists compact).
        QStringList lines;
        for (auto it = result.claims.begin(); it != result.claims.end() && lines.size() < 20; ++it) {
            const QJsonValue value = it.value();
            QString text;
            if (value.isString())
                text = value.toString();
            else if (value.isDouble())
                text = QString::number(value.toDouble(), 'g', 15);
            else if (value.isBool())
                text = value.toBool() ? u"true"_s : u"false"_s;
            else if (value.isObject())
                text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
            else if (value.isArray())
                text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
            lines << u"%1: %2"_s.arg(it.key().left(60), text.left(200));
        }
        showActionMessage(result.signedAnswer
                              ? tr("UserInfo (signed, not verified here):\n%1").arg(lines.join(u'\n'))
                              : tr("UserInfo:\n%1").arg(lines.join(u'\n')),
                          false);
    });
    fetcher->fetch(QUrl(m_config.userInfoUrl.trimmed()), token->accessToken, subject);
}

} // namespace Postern
