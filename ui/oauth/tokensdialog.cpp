#include "ui/oauth/tokensdialog.h"

#include "oauth/tokenendpointclient.h"
#include "oauth/tokenrefresher.h"
#include "oauth/tokenstore.h"
#include "tokentools/jwt.h"
#include "tokentools/userinfo.h"
#include "ui/oauth/jwtview.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/palette.h"
#include "ui/widgets/secretlineedit.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Fields of the raw answer shown in their own rows above, or secret.
bool shownAbove(const QString &key)
{
    return key == u"access_token"_s || key == u"refresh_token"_s || key == u"token_type"_s
        || key == u"expires_in"_s || key == u"scope"_s;
}

bool isSecretField(const QString &key)
{
    return key == u"id_token"_s || key.endsWith(u"_token"_s) || key.contains(u"secret"_s);
}

} // namespace

QString localTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat);
}

QString describeExpiry(const OAuth2Token &token, const QDateTime &now)
{
    if (token.revoked)
        return QCoreApplication::translate("Postern::TokensDialog", "Revoked");
    if (!token.hasExpiry())
        return QCoreApplication::translate("Postern::TokensDialog", "No expiry given");
    const qint64 left = token.secondsLeft(now);
    if (left <= 0)
        return QCoreApplication::translate("Postern::TokensDialog", "Expired");
    const qint64 h = left / 3600, m = (left % 3600) / 60, s = left % 60;
    if (left >= 86400)
        return QCoreApplication::translate("Postern::TokensDialog", "Expires in %1 days").arg(left / 86400);
    if (h > 0)
        return QCoreApplication::translate("Postern::TokensDialog", "Expires in %1 h %2 min").arg(h).arg(m);
    return QCoreApplication::translate("Postern::TokensDialog", "Expires in %1:%2")
        .arg(m)
        .arg(s, 2, 10, QChar(u'0'));
}

TokensDialog::TokensDialog(const OAuthServices &services, const OAuth2Config &config, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_config(config)
    , m_store(services.tokens)
{
    setObjectName(u"tokensDialog"_s);
    setWindowTitle(tr("Manage Access Tokens"));
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(this);

    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QListWidget(left);
    m_list->setObjectName(u"tokenList"_s);
    leftLayout->addWidget(captionFor(tr("E&xisting Tokens"), m_list, tr("Existing tokens")));
    leftLayout->addWidget(m_list, 1);
    m_empty = new QLabel(tr("No tokens yet. Use Get New Access Token."), left);
    m_empty->setWordWrap(true);
    leftLayout->addWidget(m_empty);

    m_details = new QWidget(splitter);
    m_details->setObjectName(u"tokenDetails"_s);
    m_form = new QFormLayout(m_details);
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    // A value is a label that reads out its text: no fixed accessible name hides it. Its name is the
    // visible label beside it (the buddy), as for every field.
    auto addLabel = [this](const QString &label, const char *name) {
        auto *value = new QLabel(m_details);
        value->setObjectName(QString::fromLatin1(name));
        value->setTextFormat(Qt::PlainText);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        value->setFocusPolicy(Qt::TabFocus);
        auto *caption = new QLabel(label, m_details);
        caption->setBuddy(value);
        m_form->addRow(caption, value);
        return value;
    };
    m_name = addLabel(tr("Token Name"), "detailName");
    m_instance = addLabel(tr("Instance"), "detailInstance");
    m_instance->setToolTip(
        tr("Where the token was obtained: the origin of its token URL (of its auth URL for the "
           "implicit grant). It is sent only to requests whose OAuth 2.0 settings point there."));
    m_access = secretField("detailAccessToken", tr("Access token"), &m_revealAccess, &m_copyAccess);
    m_type = addLabel(tr("Token Type"), "detailTokenType");
    m_binding = addLabel(tr("Bound to"), "detailBinding");
    m_binding->setToolTip(tr("A DPoP-bound token (RFC 9449) is sent with a proof signed by the key Postern "
                             "made for it; without the key it is useless to anyone who copies it."));
    m_expiresIn = addLabel(tr("Expires in"), "detailExpiresIn");
    m_expiresAt = addLabel(tr("Expires at"), "detailExpiresAt");
    m_obtainedAt = addLabel(tr("Obtained at"), "detailObtainedAt");
    m_refresh = secretField("detailRefreshToken", tr("Refresh token"), &m_revealRefresh, &m_copyRefresh);
    m_scope = addLabel(tr("Scope"), "detailScope");
    m_fields = new QTableWidget(0, 2, m_details);
    m_fields->setObjectName(u"detailOtherFields"_s);
    m_fields->setHorizontalHeaderLabels({ tr("Field"), tr("Value") });
    m_fields->horizontalHeader()->setStretchLastSection(true);
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->setTabKeyNavigation(false);
    addLabelledRow(m_form, tr("Other fields"), m_fields, tr("Other fields of the token response"));
    m_jwt = new JwtView(m_services.network, m_details);
    m_jwt->setObjectName(u"jwtView"_s);
    m_form->addRow(tr("Decoded"), m_jwt);
    splitter->addWidget(left);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_actionMessage = new QLabel(this);
    m_actionMessage->setObjectName(u"tokenActionMessage"_s);
    m_actionMessage->setTextFormat(Qt::PlainText);
    m_actionMessage->setWordWrap(true);
    m_actionMessage->hide();
    layout->addWidget(m_actionMessage);

    auto *actions = new QHBoxLayout;
    auto addAction = [this, actions](const QString &text, const char *name, const QString &accessible) {
        auto *button = new QPushButton(text, this);
        button->setObjectName(QString::fromLatin1(name));
        button->setAccessibleName(accessible);
        button->setAutoDefault(false);
        actions->addWidget(button);
        return button;
    };
    m_refreshButton
        = addAction(tr("&Refresh"), "refreshTokenButton", tr("Refresh token", "button: refresh the token"));
    m_revokeButton = addAction(tr("Re&voke"), "revokeTokenButton", tr("Revoke token"));
    m_userInfoButton
        = addAction(tr("User&Info"), "userInfoButton", tr("Show who the token is for (UserInfo)"));
    m_introspectButton = addAction(tr("Is It Ac&tive?"), "introspectTokenButton",
                                   tr("Ask the server whether the token is active"));
    m_signOutButton = addAction(tr("Si&gn Out"), "signOutButton",
                                tr("Sign out at the server (OpenID Connect RP-Initiated Logout)"));
    QPushButton *deleteExpired
        = addAction(tr("Delete &Expired"), "deleteExpiredButton", tr("Delete expired tokens"));
    QPushButton *deleteAll = addAction(tr("Delete &All"), "deleteAllButton", tr("Delete all tokens"));
    actions->addStretch(1);
    layout->addLayout(actions);
    connect(m_refreshButton, &QPushButton::clicked, this, &TokensDialog::refreshSelected);
    connect(m_revokeButton, &QPushButton::clicked, this, &TokensDialog::revokeSelected);
    connect(m_introspectButton, &QPushButton::clicked, this, &TokensDialog::introspectSelected);
    connect(m_userInfoButton, &QPushButton::clicked, this, &TokensDialog::fetchUserInfo);
    connect(m_signOutButton, &QPushButton::clicked, this, &TokensDialog::signOut);
    connect(deleteExpired, &QPushButton::clicked, this, [this] { deleteMany(true); });
    connect(deleteAll, &QPushButton::clicked, this, [this] { deleteMany(false); });

    auto *buttons = new QDialogButtonBox(this);
    m_use = buttons->addButton(tr("&Use Token"), QDialogButtonBox::AcceptRole);
    m_use->setObjectName(u"useTokenButton"_s);
    m_use->setAccessibleName(tr("Use Token"));
    m_delete = buttons->addButton(tr("&Delete"), QDialogButtonBox::DestructiveRole);
    m_delete->setObjectName(u"deleteTokenButton"_s);
    m_delete->setAccessibleName(tr("Delete token"));
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(u"closeButton"_s);
    close->setAccessibleName(tr("Close"));
    layout->addWidget(buttons);

    connect(m_use, &QPushButton::clicked, this, [this] {
        if (selectedId().isEmpty())
            return;
        Q_EMIT useTokenRequested(selectedId());
        accept();
    });
    connect(m_delete, &QPushButton::clicked, this, &TokensDialog::deleteSelected);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentRowChanged, this, &TokensDialog::showDetails);
    connect(m_store, &TokenStore::tokensChanged, this, &TokensDialog::refreshList);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &TokensDialog::refreshCountdown);
    m_tick.start();
    refreshList();
    resize(900, 560);
}

QLineEdit *TokensDialog::secretField(const char *objectName, const QString &accessibleName,
                                     QCheckBox **reveal, QPushButton **copy)
{
    auto *row = new QHBoxLayout;
    auto *edit = new SecretLineEdit(m_details);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setReadOnly(true);
    const bool access = objectName == QByteArrayView("detailAccessToken");
    *reveal = edit->createRevealToggle(access ? tr("S&how") : tr("Sho&w"),
                                       access ? tr("Show access token") : tr("Show refresh token"));
    (*reveal)->setObjectName(QString::fromLatin1(objectName) + u"Reveal"_s);
    *copy = new QPushButton(access ? tr("&Copy") : tr("Cop&y"), m_details);
    (*copy)->setObjectName(QString::fromLatin1(objectName) + u"Copy"_s);
    (*copy)->setAccessibleName(access ? tr("Copy access token") : tr("Copy refresh token"));
    connect(*copy, &QPushButton::clicked, edit, [edit] { QApplication::clipboard()->setText(edit->text()); });
    row->addWidget(edit, 1);
    row->addWidget(*reveal);
    row->addWidget(*copy);
    addLabelledRow(m_form, accessibleName, edit, row);
    return edit;
}

void TokensDialog::refreshList()
{
    const QString current = selectedId();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const OAuth2Token &token : m_store->tokens()) {
        const QString state
            = token.isExpired(now) ? (token.revoked ? tr("revoked") : tr("expired")) : tr("valid");
        const QString instance = token.issuer.isEmpty() ? tr("instance unknown") : token.issuer;
        auto *item = new QListWidgetItem(
            u"%1\n%2 \u00b7 %3\n%4"_s.arg(token.name.isEmpty() ? tr("(unnamed)") : token.name,
                                          localTime(token.obtainedAt), state, instance),
            m_list);
        item->setData(Qt::UserRole, token.id);
        item->setData(
            Qt::AccessibleTextRole,
            tr("%1, obtained %2, %3, from %4").arg(token.name, localTime(token.obtainedAt), state, instance));
        if (token.id == (m_pendingSelect.isEmpty() ? current : m_pendingSelect)) {
            m_list->setCurrentItem(item);
            m_pendingSelect.clear();
        }
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_empty->setVisible(m_list->count() == 0);
    showDetails();
}

void TokensDialog::select(const QString &id)
{
    m_pendingSelect = id;
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == id) {
            m_list->setCurrentRow(row);
            m_pendingSelect.clear();
            return;
        }
    }
}

QString TokensDialog::selectedId() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

namespace {

// What the token is bound to, in words: nothing (a bearer token), or the DPoP key's thumbprint and,
// when the access token is a JWT that names one, whether its cnf.jkt is that key.
QString bindingText(const OAuth2Token &token)
{
    if (!token.isDpopBound())
        return QCoreApplication::translate("Postern::TokensDialog",
                                           "Nothing: a bearer token, usable by whoever holds it");
    // One line each, without wrapping: a thumbprint must never be cut.
    QString text
        = QCoreApplication::translate("Postern::TokensDialog", "A DPoP key (RFC 9449)\nthumbprint %1")
              .arg(token.dpopThumbprint);
    const JwtInfo jwt = Jwt::decode(token.accessToken);
    const QString jkt = jwt.payload.value(u"cnf"_s).toObject().value(u"jkt"_s).toString();
    if (jwt.isJwt && !jkt.isEmpty())
        text += u'\n'
            + (jkt == token.dpopThumbprint
                   ? QCoreApplication::translate("Postern::TokensDialog",
                                                 "the token's cnf.jkt names this key")
                   : QCoreApplication::translate("Postern::TokensDialog",
                                                 "the token's cnf.jkt names another key (%1)")
                         .arg(jkt));
    return text;
}

} // namespace

void TokensDialog::showDetails()
{
    const std::optional<OAuth2Token> token = m_store->token(selectedId());
    m_details->setEnabled(token.has_value());
    // A revoked token is never sent: it cannot become the request's token either.
    m_use->setEnabled(token && !token->revoked);
    m_use->setToolTip(token && token->revoked ? tr("This token was revoked; Postern does not use it.")
                                              : QString());
    m_delete->setEnabled(token.has_value());
    m_refreshButton->setEnabled(token && !token->refreshToken.isEmpty());
    m_refreshButton->setToolTip(
        token && token->refreshToken.isEmpty() ? tr("This token has no refresh token.") : QString());
    m_revokeButton->setEnabled(token && !token->revoked);
    m_introspectButton->setEnabled(token.has_value());
    m_userInfoButton->setEnabled(token && !token->revoked);
    m_signOutButton->setEnabled(token.has_value() && !m_signOutWindow);
    m_revealAccess->setChecked(false);
    m_revealRefresh->setChecked(false);
    if (!token) {
        for (QLabel *label :
             { m_name, m_instance, m_type, m_binding, m_expiresIn, m_expiresAt, m_obtainedAt, m_scope })
            label->clear();
        m_access->clear();
        m_refresh->clear();
        m_fields->setRowCount(0);
        m_jwt->setToken(OAuth2Token(), QString());
        return;
    }
    m_name->setText(token->name);
    m_instance->setText(token->issuer.isEmpty() ? tr("Unknown (obtained before Postern recorded it)")
                                                : token->issuer);
    m_access->setText(token->accessToken);
    m_type->setText(token->tokenType);
    m_binding->setText(bindingText(*token));
    m_expiresAt->setText(token->hasExpiry() ? localTime(token->expiresAt) : u"\u2014"_s);
    m_obtainedAt->setText(localTime(token->obtainedAt));
    m_refresh->setText(token->refreshToken);
    m_refresh->setPlaceholderText(token->refreshToken.isEmpty() ? tr("(none)") : QString());
    m_scope->setText(token->scope);
    m_fields->setRowCount(0);
    for (auto it = token->raw.constBegin(); it != token->raw.constEnd(); ++it) {
        if (shownAbove(it.key()))
            continue;
        const int row = m_fields->rowCount();
        m_fields->insertRow(row);
        m_fields->setItem(row, 0, new QTableWidgetItem(it.key()));
        QString value = it.value().isString()
            ? it.value().toString()
            : QString::fromUtf8(
                QJsonDocument::fromVariant(it.value().toVariant()).toJson(QJsonDocument::Compact));
        if (it.value().isDouble())
            value = QString::number(it.value().toDouble(), 'g', 17);
        else if (it.value().isBool())
            value = it.value().toBool() ? u"true"_s : u"false"_s;
        if (isSecretField(it.key()))
            value = tr("•••• (%1 characters, hidden)").arg(value.size());
        m_fields->setItem(row, 1, new QTableWidgetItem(value));
    }
    m_jwt->setToken(*token, m_config.jwksUri);
    refreshCountdown();
}

void TokensDialog::refreshCountdown()
{
    const std::optional<OAuth2Token> token = m_store->token(selectedId());
    if (!token)
        return;
    const QString before = m_expiresIn->text();
    m_expiresIn->setText(describeExpiry(*token));
    if (before != m_expiresIn->text() && m_expiresIn->text() == tr("Expired"))
        refreshList(); // its "valid" in the list must change too
    m_expiresIn->setStyleSheet(
        token->isExpired() ? Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText, true) : QString());
}

void TokensDialog::showActionMessage(const QString &text, bool error)
{
    m_actionMessage->setText(text);
    m_actionMessage->setStyleSheet(error ? Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText)
                                         : QString());
    m_actionMessage->setVisible(!text.isEmpty());
}

void TokensDialog::deleteMany(bool expiredOnly)
{
    const QString question = expiredOnly
        ? tr("Delete every expired or revoked token from Postern?")
        : tr("Delete every token from Postern? They are not revoked at the servers.");
    if (QMessageBox::question(this, expiredOnly ? tr("Delete Expired Tokens") : tr("Delete All Tokens"),
                              question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    if (expiredOnly)
        m_store->removeExpired();
    else
        m_store->removeAll();
}

void TokensDialog::deleteSelected()
{
    const std::optional<OAuth2Token> token = m_store->token(selectedId());
    if (!token)
        return;
    // Only a token never revoked is still good at the server: say so for that one alone.
    const QString question = token->revoked
        ? tr("Delete the revoked token “%1” from Postern?").arg(token->name)
        : tr("Delete the token “%1” from Postern? It is not revoked at the server.").arg(token->name);
    const auto answer = QMessageBox::question(this, tr("Delete Token"), question,
                                              QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes)
        return;
    m_store->remove(token->id);
}

} // namespace Postern
