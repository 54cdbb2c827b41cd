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
    m_which->addItem(tr("Access token"), false);
    m_which->addItem(tr("ID token"), true);
    addLabelledRow(form, tr("Deco&de:"), m_which, tr("Token to decode"));
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(u"jwtVerdict"_s);
    m_verdict->setTextFormat(Qt::PlainText);
    m_verdict->setWordWrap(true);
    addLabelledRow(form, tr("Signature:"), m_verdict);
    layout->addLayout(form);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(u"jwtDecoded"_s);
    m_text->setAccessibleName(tr("Decoded token"));
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
        m_text->setPlainText(info.notJwtReason.isEmpty() ? tr("Not a JWT.") : info.notJwtReason);
        setVerdict(tr("— (not a JWT)"), true);
        if (info.isEncrypted)
            m_text->appendPlainText(u'\n' + tr("Header:\n%1").arg(pretty(info.headerJson)));
        return;
    }
    QString text = tr("Header:\n%1\n\nPayload:\n%2").arg(pretty(info.headerJson), pretty(info.payloadJson));
    QStringList times;
    for (const QString &claim : { u"exp"_s, u"iat"_s, u"nbf"_s }) {
        const QString described = info.describeTime(claim);
        if (!described.isEmpty())
            times << claim + u": "_s + described;
    }
    if (!times.isEmpty())
        text += u"\n\n"_s + times.join(u'\n');
    for (const QString &warning : info.warnings)
        text += u'\n' + tr("Note: %1").arg(warning);
    m_text->setPlainText(text);

    if (info.isUnsigned()) {
        setVerdict(tr("Not signed (alg: none): anyone could have written it."), false);
        return;
    }
    if (m_jwksUri.isEmpty() || !m_fetcher) {
        setVerdict(tr("Unknown: the issuer's keys are not known (use Discover in Get New Access Token)."),
                   false);
        return;
    }
    setVerdict(tr("Checking against %1…").arg(m_jwksUri), true);
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
                setVerdict(tr("Unknown: the keys could not be fetched (%1).").arg(keys.error), false);
                return;
            }
            const JwtVerifier::Result result = JwtVerifier::verify(info, keys.jwks);
            if (!result.isValid())
                setVerdict(JwtVerifier::verdictName(result.verdict) + u": "_s + result.message, false);
            else if (result.keyId.isEmpty())
                setVerdict(tr("Valid (%1).").arg(result.algorithm), true);
            else
                setVerdict(tr("Valid (%1, key %2).").arg(result.algorithm, result.keyId), true);
        });
    m_fetcher->fetch(QUrl(m_jwksUri));
}

} // namespace Postern
