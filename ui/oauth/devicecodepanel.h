#pragma once

#include "oauth/deviceflow.h"

#include <QTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace Postern {

// What Get New Access Token shows while the device grant (RFC 8628) waits for the user: the page to
// open on another device (a link, Open in Browser, and a QR code of the page with the code filled in
// when the server gave one), the user code large with Copy Code, the time left until the code expires
// (counted down every second) and how often the token endpoint is asked. Every value is a label a
// screen reader can read; the code and the address can be selected.
class DeviceCodePanel : public QWidget
{
    Q_OBJECT

public:
    explicit DeviceCodePanel(QWidget *parent = nullptr);

    // Shows a new code (and starts the countdown); clear() empties the panel and stops it.
    void setCode(const DeviceCode &code);
    void clear();
    DeviceCode code() const { return m_code; }
    // The token endpoint is now asked every seconds; why, when the server asked for it (slow_down).
    void setInterval(int seconds, const QString &why = QString());

    // "9:41 left": the label's text for a number of seconds left (for the countdown and its tests).
    static QString timeLeftText(qint64 seconds);

Q_SIGNALS:
    // Open in Browser: the page the user should open (the complete one when there is one).
    void openRequested(const QUrl &url);

private:
    void updateCountdown();
    QUrl pageToOpen() const;

    DeviceCode m_code;
    QLabel *m_instructions = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_userCode = nullptr;
    QLabel *m_qrCode = nullptr;
    QLabel *m_countdown = nullptr;
    QLabel *m_polling = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_open = nullptr;
    QTimer m_tick;
};

} // namespace Postern
