// Get New Access Token's presets: an issuer's metadata (Discover) or a ServiceNow instance (Fill) fill
// the endpoints, and Return in either field does that instead of pressing Request Token.

#include "tokentools/discovery.h"
#include "tokentools/discoveryresult.h"
#include "ui/oauth/gettokendialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Postern {

bool GetTokenDialog::eventFilter(QObject *watched, QEvent *event)
{
    if ((watched == m_instance || watched == m_issuer) && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            if (watched == m_instance)
                fillFromServiceNow();
            else
                discover();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void GetTokenDialog::discover()
{
    if (m_issuer->text().trimmed().isEmpty() || !m_services.network)
        return;
    auto *discovery = new Discovery(m_services.network, this);
    m_discover->setEnabled(false);
    showMessage(tr("Reading the metadata of %1…").arg(m_issuer->text().trimmed()), false);
    connect(discovery, &Discovery::finished, this, [this, discovery](const DiscoveryResult &result) {
        discovery->deleteLater();
        m_discover->setEnabled(true);
        if (!result.ok()) {
            showMessage(result.error, true);
            return;
        }
        const OAuth2Config filled = result.applyTo(config());
        m_authUrl->setText(filled.authUrl);
        m_tokenUrl->setText(filled.accessTokenUrl);
        m_revokeUrl->setText(filled.revokeUrl);
        m_deviceUrl->setText(filled.deviceAuthorizationUrl);
        m_parUrl->setText(filled.parUrl);
        if (filled.pushAuthorizationRequest) {
            m_pushRequest->setChecked(true); // the server takes only pushed requests
            m_advanced->setChecked(true);
        }
        m_clientAuth->setCurrentIndex(m_clientAuth->findData(int(filled.clientAuthentication)));
        m_discoveredIssuer = filled.issuer;
        m_jwksUri = filled.jwksUri;
        m_introspectionUrl = filled.introspectionUrl;
        m_userInfoUrl = filled.userInfoUrl;
        m_endSessionUrl = filled.endSessionUrl;
        m_issSupported = filled.issParameterSupported;
        const QStringList pkce = result.codeChallengeMethodsSupported;
        if (!pkce.isEmpty()) {
            m_pkceMethod->setCurrentIndex(m_pkceMethod->findData(
                int(pkce.contains(pkceMethodText(PkceMethod::S256)) ? PkceMethod::S256 : PkceMethod::Plain)));
        }
        QStringList lines { tr("Endpoints of %1 filled in.").arg(result.issuer) };
        if (!pkce.isEmpty())
            lines << tr("PKCE methods: %1.").arg(pkce.join(u", "_s));
        lines
            << tr("Client authentication: %1.").arg(result.effectiveTokenEndpointAuthMethods().join(u", "_s));
        if (result.authorizationResponseIssParameterSupported)
            lines << tr("It names itself on every redirect (iss, RFC 9207); Postern will check it.");
        for (const QString &warning : result.warnings)
            lines << warning;
        showMessage(lines.join(u'\n'), false);
    });
    discovery->discover(m_resolver.resolve(m_issuer->text().trimmed())); // "{{issuer}}" works too
}

void GetTokenDialog::fillFromServiceNow()
{
    if (m_instance->text().trimmed().isEmpty())
        return;
    const OAuth2Config preset = OAuth2Config::forServiceNow(m_instance->text());
    // Another server than any discovered before.
    m_discoveredIssuer.clear();
    m_jwksUri.clear();
    m_introspectionUrl.clear();
    m_userInfoUrl.clear();
    m_endSessionUrl.clear();
    m_issSupported = false;
    m_authUrl->setText(preset.authUrl);
    m_tokenUrl->setText(preset.accessTokenUrl);
    m_revokeUrl->setText(preset.revokeUrl);
    m_clientAuth->setCurrentIndex(m_clientAuth->findData(int(preset.clientAuthentication)));
    showMessage(tr("Auth URL and Access Token URL are set for %1.")
                    .arg(QUrl(preset.authUrl).adjusted(QUrl::RemovePath).toString()),
                false);
}

} // namespace Postern
