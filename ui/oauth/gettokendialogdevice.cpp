// Get New Access Token and the device grant (RFC 8628): the code is shown in place of the form
// (DeviceCodePanel) while the user approves on another device, and the form comes back when it ends.

#include "oauth/browserlauncher.h"
#include "ui/oauth/devicecodepanel.h"
#include "ui/oauth/gettokendialog.h"

#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

void GetTokenDialog::addDevicePanel(QBoxLayout *layout)
{
    m_devicePanel = new DeviceCodePanel(this);
    m_devicePanel->hide();
    layout->addWidget(m_devicePanel, 1);
    connect(m_devicePanel, &DeviceCodePanel::openRequested, this, [this](const QUrl &url) {
        QString error;
        if (!BrowserLauncher::open(url, &error))
            showMessage(
                tr("The browser could not be started: %1 Open the page on another device.").arg(error), true);
    });
}

void GetTokenDialog::connectDevicePanel()
{
    connect(m_tokenRequest, &TokenRequest::deviceCodeReady, this, [this](const DeviceCode &code) {
        m_devicePanel->setCode(code);
        showMessage(QString(), false);
    });
    connect(m_tokenRequest, &TokenRequest::deviceIntervalChanged, m_devicePanel,
            &DeviceCodePanel::setInterval);
}

void GetTokenDialog::showDevicePanel(bool shown)
{
    m_scroll->setVisible(!shown);
    m_devicePanel->setVisible(shown);
    if (isVisible())
        fitToScreen();
}

} // namespace Postern
