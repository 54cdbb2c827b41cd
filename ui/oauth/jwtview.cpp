#include "ui/oauth/jwtview.h"

#include "bodyview/jsonformatter.h"
#include "tokentools/jwksfetcher.h"
#include "tokentools/jwt.h"
#include "tokentools/jwtverifier.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/palette.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString pretty(const QByteArray &json)
{
    const JsonFormatter::Result result = JsonFormatter().format(json);
    return QString::fromUtf8(result.ok() ? result.text : json);
}

} // namespace

JwtView::JwtView(QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent)
    , m_network(network)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *form = new QFormLayout;
    m_which = new QComboBox(this);
    m_which->setObjectName(u"jwtWhich"_s);
    m_which->addItem(u"Access token"_s, false);
    m_which->addItem(u"ID token"_s, true);
    addLabelledRow(form, u"Deco&de:"_s, m_which, u"Token to decode"_s);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(u"jwtVerdict"_s);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    addLabelledRow(form, u"Signature:"_s, m_verdict);
    layout->addLayout(form);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"jwtDecoded"_s);
    m_text->setAccessibleName(u"Decoded token"_s);
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTabChangesFocus(true);
    layout->addWidget(m_text, 1);
    if (m_network)
        m_fetcher = new JwksFetcher(m_network, this);
    connect(m_which, &QComboBox::currentIndexChanged, this, &JwtView::showSelected);
}

void JwtView::setToken(const OAuth2Token &token, const QString &jwksUri)
{
    m_token = token;
    m_jwksUri = jwksUri;
    const int hasId = !token.idToken.isEmpty();
    m_which->setEnabled(hasId);
    if (!hasId)
        m_which->setCurrentIndex(0);
    showSelected();
}

void JwtView::setVerdict(const QString &text, bool good)
{
    m_verdict->setText(text);
    m_verdict->setStyleSheet(
        Theme::textStyleSheet(u"QLabel"_s, good ? ColorRole::SuccessText : ColorRole::ErrorText));
    Q_EMIT verdictShown(text);
}

void JwtView::showSelected()
{
    const int generation = ++m_generation;
    const QString raw = m_which->currentData().toBool() ? m_token.idToken : m_token.accessToken;
    if (raw.isEmpty()) {
        m_text->clear();
        m_verdict->clear();
        return;
    }
    const JwtInfo info = Jwt::decode(raw);
    if (!info.isJwt) {
        m_text->setPlainText(info.notJwtReason.isEmpty() ? u"Not a JWT."_s : info.notJwtReason);
        setVerdict(u"\u2014 (not a JWT)"_s, true);
        if (info.isEncrypted)
            m_text->appendPlainText(u"\nHeader:\n"_s + pretty(info.headerJson));
        return;
    }
    QString text = u"Header:\n"_s + pretty(info.headerJson) + u"\n\nPayload:\n"_s + pretty(info.payloadJson);
    QStringList times;
    for (const QString &claim : { u"exp"_s, u"iat"_s, u"nbf"_s }) {
        const QString described = info.describeTime(claim);
        if (!described.isEmpty())
            times << claim + u": "_s + described;
    }
    if (!times.isEmpty())
        text += u"\n\n"_s + times.join(u'\n');
    for (const QString &warning : info.warnings)
        text += u"\nNote: "_s + warning;
    m_text->setPlainText(text);

    if (info.isUnsigned()) {
        setVerdict(u"Not signed (alg: none): anyone could have written it."_s, false);
        return;
    }
    if (m_jwksUri.isEmpty() || !m_fetcher) {
        setVerdict(u"Unknown: the issuer's keys are not known (use Discover in Get New Access Token)."_s,
                   false);
        return;
    }
    setVerdict(u"Checking against %1\u2026"_s.arg(m_jwksUri), true);
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = connect(
        m_fetcher, &JwksFetcher::finished, this,
        [this, connection, generation, info, uri = m_jwksUri](const JwksResult &keys) {
            if (keys.url != QUrl(uri))
                return;
            disconnect(*connection);
            if (generation != m_generation)
                return;
            if (!keys.ok()) {
                setVerdict(u"Unknown: the keys could not be fetched (%1)."_s.arg(keys.error), false);
                return;
            }
            const JwtVerifier::Result result = JwtVerifier::verify(info, keys.jwks);
            setVerdict(result.isValid() ? u"Valid (%1%2)."_s.arg(
                           result.algorithm, result.keyId.isEmpty() ? QString() : u", key "_s + result.keyId)
                                        : JwtVerifier::verdictName(result.verdict) + u": "_s + result.message,
                       result.isValid());
        });
    m_fetcher->fetch(QUrl(m_jwksUri));
}

} // namespace Postern
