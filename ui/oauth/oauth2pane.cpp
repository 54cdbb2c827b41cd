#include "ui/oauth/oauth2pane.h"

#include "auth/servicenow.h"
#include "oauth/tokenstore.h"
#include "ui/oauth/gettokendialog.h"
#include "ui/oauth/tokensdialog.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

OAuth2Pane::OAuth2Pane(const OAuthServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_store(services.tokens)
{
    auto *layout = new QVBoxLayout(this);
    m_form = new QFormLayout;
    auto *form = m_form;

    auto *tokenRow = new QHBoxLayout;
    m_token = new QComboBox(this);
    m_token->setObjectName(u"currentToken"_s);
    m_expiry = new QLabel(this);
    m_expiry->setObjectName(u"tokenExpiry"_s);
    m_expiry->setTextFormat(Qt::PlainText); // read out as it is shown ("Expires in 29:41"), no fixed name
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(m_expiry);
    addLabelledRow(form, tr("Current &Token:"), m_token, tokenRow, tr("Current token"));

    m_addTo = new QComboBox(this);
    m_addTo->setObjectName(u"addAuthTo"_s);
    m_addTo->addItem(tr("Request Headers"), false);
    m_addTo->addItem(tr("Request URL"), true);
    addLabelledRow(form, tr("A&dd authorization data to:"), m_addTo);

    m_tokenType = new QComboBox(this);
    m_tokenType->setObjectName(u"useTokenType"_s);
    m_tokenType->addItem(tr("Access token"), false);
    m_tokenType->addItem(tr("ID token"), true);
    addLabelledRow(form, tr("&Use Token Type:"), m_tokenType, tr("Use token type"));

    m_autoRefresh = new QCheckBox(tr("Auto-&refresh token"), this);
    m_autoRefresh->setObjectName(u"autoRefresh"_s);
    m_autoRefresh->setAccessibleName(tr("Auto-refresh token"));
    m_autoRefresh->setChecked(true);
    m_autoRefresh->setToolTip(
        tr("Before sending, refresh a token that has expired or expires within a minute, "
           "when it has a refresh token."));
    form->addRow(QString(), m_autoRefresh);

    m_prefix = new QLineEdit(u"Bearer"_s, this);
    m_prefix->setObjectName(u"headerPrefix"_s);
    addLabelledRow(form, tr("Header &Prefix:"), m_prefix, tr("Header prefix"));
    layout->addLayout(form);

    auto *buttons = new QHBoxLayout;
    m_getNew = new QPushButton(tr("&Get New Access Token"), this);
    m_getNew->setObjectName(u"getNewTokenButton"_s);
    m_getNew->setAccessibleName(tr("Get New Access Token"));
    m_manage = new QPushButton(tr("&Manage Tokens…"), this);
    m_manage->setObjectName(u"manageTokensButton"_s);
    m_manage->setAccessibleName(tr("Manage Tokens"));
    buttons->addWidget(m_getNew);
    buttons->addWidget(m_manage);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_storage = new QLabel(this);
    m_storage->setObjectName(u"tokenStorageStatus"_s);
    m_storage->setWordWrap(true);
    m_storage->setTextFormat(Qt::PlainText);
    layout->addWidget(m_storage);
    layout->addStretch(1);

    connect(m_token, &QComboBox::currentIndexChanged, this, [this] {
        refreshExpiry();
        Q_EMIT changed();
    });
    connect(m_addTo, &QComboBox::currentIndexChanged, this, &OAuth2Pane::changed);
    connect(m_tokenType, &QComboBox::currentIndexChanged, this, &OAuth2Pane::changed);
    connect(m_autoRefresh, &QCheckBox::toggled, this, &OAuth2Pane::changed);
    connect(m_prefix, &QLineEdit::textChanged, this, &OAuth2Pane::changed);
    connect(m_getNew, &QPushButton::clicked, this, &OAuth2Pane::getNewAccessToken);
    connect(m_manage, &QPushButton::clicked, this, [this] { manageTokens(currentTokenId()); });
    connect(m_store, &TokenStore::tokensChanged, this, &OAuth2Pane::refreshTokens);
    connect(m_store, &TokenStore::storageModeChanged, this, &OAuth2Pane::refreshTokens);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &OAuth2Pane::refreshExpiry);
    m_tick.start();
    refreshTokens();
}

void OAuth2Pane::refreshTokens()
{
    const QString current = currentTokenId();
    const QSignalBlocker blocker(m_token);
    m_token->clear();
    m_token->addItem(tr("No token"), QString());
    for (const OAuth2Token &token : m_store->tokens()) {
        // Names repeat ("Token", "Token", …): the time obtained tells them apart.
        const QString name = token.name.isEmpty() ? tr("(unnamed token)") : token.name;
        const QString obtained = QLocale().toString(token.obtainedAt.toLocalTime(), QLocale::ShortFormat);
        // A revoked token is never sent; kept in the list so that the choice stays visible.
        const QString text = token.revoked ? tr("%1 — %2 (revoked)").arg(name, obtained)
                                           : u"%1 \u2014 %2"_s.arg(name, obtained);
        m_token->addItem(text, token.id);
        const bool unknown = token.issuer.isEmpty();
        m_token->setItemData(m_token->count() - 1,
                             unknown ? tr("From an unknown instance") : tr("From %1").arg(token.issuer),
                             Qt::ToolTipRole);
        m_token->setItemData(m_token->count() - 1,
                             unknown ? tr("%1, from an unknown instance").arg(text)
                                     : tr("%1, from %2").arg(text, token.issuer),
                             Qt::AccessibleTextRole);
    }
    const int index = m_token->findData(current);
    m_token->setCurrentIndex(index < 0 ? 0 : index);
    m_storage->setText(
        m_store->storageMode() == TokenStore::StorageMode::Keychain ? QString() : m_store->statusMessage());
    m_storage->setVisible(!m_storage->text().isEmpty());
    refreshExpiry();
    if (index < 0 && !current.isEmpty())
        Q_EMIT changed(); // the current token is gone
}

void OAuth2Pane::refreshExpiry()
{
    const std::optional<OAuth2Token> token = m_store->token(currentTokenId());
    // "Use Token Type" matters only for a token that came with an ID token.
    const bool hasIdToken = token && !token->idToken.isEmpty();
    m_form->setRowVisible(m_tokenType, hasIdToken);
    m_autoRefresh->setEnabled(!token || !token->refreshToken.isEmpty());
    if (!token) {
        m_expiry->setText(currentTokenId().isEmpty() ? QString() : tr("Not available"));
        m_expiry->setStyleSheet(QString());
        return;
    }
    m_expiry->setText(describeExpiry(*token));
    m_expiry->setStyleSheet(token->isExpired()
                                ? Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText, true)
                                : Theme::textStyleSheet(u"QLabel"_s, ColorRole::SuccessText));
}

QString OAuth2Pane::currentTokenId() const
{
    return m_token->currentData().toString();
}

void OAuth2Pane::setCurrentTokenId(const QString &id)
{
    const int index = m_token->findData(id);
    m_token->setCurrentIndex(index < 0 ? 0 : index);
}

void OAuth2Pane::fillConfig(AuthConfig *config) const
{
    config->oauth2 = m_oauth2;
    config->oauth2TokenId = currentTokenId();
    config->oauth2InQuery = m_addTo->currentData().toBool();
    config->headerPrefix = m_prefix->text();
    config->oauth2AutoRefresh = m_autoRefresh->isChecked();
    config->oauth2UseIdToken = m_tokenType->currentData().toBool();
    if (config->type == AuthType::OAuth2) {
        const std::optional<OAuth2Token> token = m_store->token(config->oauth2TokenId);
        config->token = !token                                      ? QString()
            : config->oauth2UseIdToken && !token->idToken.isEmpty() ? token->idToken
                                                                    : token->accessToken;
        // RFC 9449 §7.1: a DPoP-bound access token goes out under the DPoP scheme (its proof is made
        // for each request when it is sent).
        config->tokenIsDpopBound = token && token->isDpopBound() && config->token == token->accessToken;
    }
}

void OAuth2Pane::setConfig(const AuthConfig &config)
{
    const QSignalBlocker blocker(this);
    m_oauth2 = config.oauth2;
    // What comes in is the request's own, not a suggestion (unless it is still the one made here).
    if (m_oauth2.authUrl != m_suggestedAuthUrl || m_oauth2.accessTokenUrl != m_suggestedTokenUrl) {
        m_suggestedAuthUrl.clear();
        m_suggestedTokenUrl.clear();
    }
    setCurrentTokenId(config.oauth2TokenId);
    m_addTo->setCurrentIndex(config.oauth2InQuery ? 1 : 0);
    m_prefix->setText(config.headerPrefix);
    m_autoRefresh->setChecked(config.oauth2AutoRefresh);
    m_tokenType->setCurrentIndex(config.oauth2UseIdToken ? 1 : 0);
    // A saved request opened in another environment than the one its token came from.
    if (m_hasContext) {
        const std::optional<OAuth2Token> token = m_store->token(currentTokenId());
        if (token && token->environment != m_environmentId)
            selectTokenForEnvironment();
    }
    refreshExpiry();
}

void OAuth2Pane::showEvent(QShowEvent *event)
{
    // The token list is as wide as its names from when the pane is first seen: the policy makes the
    // list's popup, which a start need not make for a page it does not show.
    if (m_token->sizeAdjustPolicy() != QComboBox::AdjustToContents)
        m_token->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    QWidget::showEvent(event);
}

void OAuth2Pane::suggestFromUrl(const QString &urlText)
{
    // Endpoints the user set (or a saved request holds) stay; a suggestion follows the URL as it is
    // typed, so that "http://1", on the way to "http://127.0.0.1:8080", does not leave its own host.
    const bool suggested
        = m_oauth2.authUrl == m_suggestedAuthUrl && m_oauth2.accessTokenUrl == m_suggestedTokenUrl;
    if (!suggested && (!m_oauth2.authUrl.isEmpty() || !m_oauth2.accessTokenUrl.isEmpty()))
        return;
    const auto suggest = [this](const QString &authUrl, const QString &tokenUrl) {
        m_oauth2.authUrl = m_suggestedAuthUrl = authUrl;
        m_oauth2.accessTokenUrl = m_suggestedTokenUrl = tokenUrl;
    };
    // "{{instance}}/api/…": the endpoints follow the same variable, so they follow the environment.
    static const QRegularExpression leadingVariable(u"^(\\{\\{[^{}\\s]+\\}\\})(/|$)"_s);
    if (const QRegularExpressionMatch match = leadingVariable.match(urlText.trimmed()); match.hasMatch()) {
        suggest(match.captured(1) + ServiceNow::authorizePath(), match.captured(1) + ServiceNow::tokenPath());
        return;
    }
    const QUrl url(urlText.trimmed());
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s)) {
        suggest(QString(), QString());
        return;
    }
    const OAuth2Config preset = OAuth2Config::forServiceNow(
        url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
            .toString());
    suggest(preset.authUrl, preset.accessTokenUrl);
}

void OAuth2Pane::setVariableContext(const VariableResolver &resolver, const QString &environmentId)
{
    m_resolver = resolver;
    const bool switched = m_hasContext && environmentId != m_environmentId;
    m_environmentId = environmentId;
    m_hasContext = true;
    if (switched)
        selectTokenForEnvironment();
}

OAuth2Config OAuth2Pane::resolvedConfig() const
{
    return m_resolver.resolve(m_oauth2);
}

void OAuth2Pane::selectTokenForEnvironment()
{
    const QList<OAuth2Token> tokens = m_store->tokens();
    const OAuth2Token *best = OAuth2Token::newestFor(tokens, resolvedConfig().key(), m_environmentId);
    const QString next = best ? best->id : QString();
    if (next == currentTokenId())
        return;
    setCurrentTokenId(next);
    refreshExpiry();
    Q_EMIT changed();
}

void OAuth2Pane::getNewAccessToken()
{
    auto *dialog = new GetTokenDialog(m_oauth2, m_services, this);
    dialog->setVariableResolver(m_resolver);
    dialog->setEnvironment(m_environmentId); // the token is stored in it
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog](int outcome) {
        // Cancel throws away what was typed (a typo, a Fill for another instance): the request keeps
        // the form it had. A token obtained takes the form that obtained it.
        if (outcome != QDialog::Accepted || !dialog->token().isValid())
            return;
        m_oauth2 = dialog->config();
        m_suggestedAuthUrl.clear(); // a token was obtained with these: they are the request's now
        m_suggestedTokenUrl.clear();
        Q_EMIT changed();
        manageTokens(dialog->token().id);
    });
    dialog->open();
}

void OAuth2Pane::manageTokens(const QString &selectId)
{
    auto *dialog = new TokensDialog(m_services, resolvedConfig(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->select(selectId);
    connect(dialog, &TokensDialog::useTokenRequested, this, [this](const QString &id) {
        setCurrentTokenId(id);
        Q_EMIT changed();
    });
    dialog->open();
}

} // namespace Postern
