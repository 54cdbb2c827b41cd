#include "ui/oauth/devicecodepanel.h"

#include "ui/widgets/palette.h"
#include "ui/widgets/qrcode.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QLabel *selectableLabel(QWidget *parent, const char *objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(objectName));
    label->setTextFormat(Qt::PlainText); // server text, never rich text
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

DeviceCodePanel::DeviceCodePanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"deviceCodePanel"_s);
    setAccessibleName(tr("Sign in on another device"));
    auto *layout = new QHBoxLayout(this);
    auto *text = new QVBoxLayout;
    layout->addLayout(text, 1);

    m_instructions = new QLabel(
        tr("On a phone or computer, open this page and enter the code below (or scan the QR code)."), this);
    m_instructions->setObjectName(u"deviceInstructions"_s);
    m_instructions->setWordWrap(true);
    text->addWidget(m_instructions);

    m_address = selectableLabel(this, "verificationUri");
    m_address->setAccessibleDescription(tr("Verification page"));
    m_open = new QPushButton(tr("&Open in Browser"), this);
    m_open->setObjectName(u"openVerificationPage"_s);
    m_open->setAccessibleName(tr("Open the verification page in the browser"));
    m_open->setAutoDefault(false);
    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_address, 1);
    addressRow->addWidget(m_open);
    text->addLayout(addressRow);

    m_userCode = selectableLabel(this, "userCode");
    m_userCode->setWordWrap(false);
    m_userCode->setAccessibleDescription(tr("User code"));
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    big.setLetterSpacing(QFont::AbsoluteSpacing, 2);
    m_userCode->setFont(big);
    m_copy = new QPushButton(tr("&Copy Code"), this);
    m_copy->setObjectName(u"copyUserCode"_s);
    m_copy->setAccessibleName(tr("Copy the user code"));
    m_copy->setAutoDefault(false);
    auto *codeRow = new QHBoxLayout;
    codeRow->addWidget(m_userCode);
    codeRow->addWidget(m_copy);
    codeRow->addStretch(1);
    text->addLayout(codeRow);

    m_countdown = new QLabel(this);
    m_countdown->setObjectName(u"deviceCodeCountdown"_s);
    m_countdown->setAccessibleDescription(tr("Time left"));
    text->addWidget(m_countdown);
    m_polling = new QLabel(this);
    m_polling->setObjectName(u"devicePolling"_s);
    m_polling->setWordWrap(true);
    m_polling->setAccessibleDescription(tr("Waiting for approval"));
    text->addWidget(m_polling);
    text->addStretch(1);

    m_qrCode = new QLabel(this);
    m_qrCode->setObjectName(u"verificationQrCode"_s);
    m_qrCode->setAlignment(Qt::AlignTop | Qt::AlignRight);
    layout->addWidget(m_qrCode);

    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_code.userCode);
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(1500, m_copy, [copy = m_copy] { copy->setText(tr("&Copy Code")); });
    });
    connect(m_open, &QPushButton::clicked, this, [this] { Q_EMIT openRequested(pageToOpen()); });
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &DeviceCodePanel::updateCountdown);
}

QUrl DeviceCodePanel::pageToOpen() const
{
    return m_code.verificationUriComplete.isValid() ? m_code.verificationUriComplete : m_code.verificationUri;
}

void DeviceCodePanel::setCode(const DeviceCode &code)
{
    m_code = code;
    const QString address = code.verificationUri.toDisplayString();
    m_address->setText(address);
    m_address->setAccessibleName(address);
    m_userCode->setText(code.userCode);
    m_userCode->setAccessibleName(code.userCode);
    // The page with the code in it when there is one: scanning it leaves nothing to type.
    const QUrl qrTarget = pageToOpen();
    const QImage qr = qrCodeImage(qrTarget.toString(QUrl::FullyEncoded), 4);
    m_qrCode->setPixmap(qr.isNull() ? QPixmap() : QPixmap::fromImage(qr));
    m_qrCode->setVisible(!qr.isNull());
    const QString qrText = code.verificationUriComplete.isValid()
        ? tr("QR code of the verification page with the code filled in")
        : tr("QR code of the verification page");
    m_qrCode->setAccessibleName(qrText);
    m_qrCode->setToolTip(qrTarget.toDisplayString());
    setInterval(code.intervalSeconds);
    updateCountdown();
    m_tick.start();
}

void DeviceCodePanel::clear()
{
    m_tick.stop();
    m_code = DeviceCode();
    for (QLabel *label : { m_address, m_userCode, m_countdown, m_polling }) {
        label->clear();
        label->setAccessibleName(QString());
    }
    m_qrCode->clear();
}

void DeviceCodePanel::setInterval(int seconds, const QString &why)
{
    QString text = seconds == 1
        ? tr("Waiting for you to approve; Postern asks the server every second.")
        : tr("Waiting for you to approve; Postern asks the server every %1 seconds.").arg(seconds);
    if (!why.isEmpty())
        text += u' ' + why;
    m_polling->setText(text);
    m_polling->setAccessibleName(text);
}

QString DeviceCodePanel::timeLeftText(qint64 seconds)
{
    if (seconds <= 0)
        return tr("The code has expired.");
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    const qint64 rest = seconds % 60;
    const QString clock = hours > 0
        ? u"%1:%2:%3"_s.arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(rest, 2, 10, QLatin1Char('0'))
        : u"%1:%2"_s.arg(minutes).arg(rest, 2, 10, QLatin1Char('0'));
    return tr("The code expires in %1.").arg(clock);
}

void DeviceCodePanel::updateCountdown()
{
    const qint64 left
        = m_code.expiresAt.isValid() ? QDateTime::currentDateTimeUtc().secsTo(m_code.expiresAt) : 0;
    const QString text = timeLeftText(left);
    m_countdown->setText(text);
    m_countdown->setAccessibleName(text);
    if (left <= 0)
        m_tick.stop();
}

} // namespace Postern
