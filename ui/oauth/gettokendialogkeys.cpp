// Get New Access Token's rows for private_key_jwt (RFC 7523 §2.2) and the JWT bearer grant (§2.1):
// the key file with Browse, its passphrase (a secret, with Show), the key id, the signing algorithm,
// the client assertion's audience (also client_secret_jwt's), and the grant assertion's issuer,
// subject, audience and claims. showFieldsForGrant() shows them for the grant and method chosen.

#include "ui/oauth/gettokendialog.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/secretlineedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Postern {

void GetTokenDialog::addClientKeyRows()
{
    // private_key_jwt: the key that signs the client's assertions (RFC 7523 §2.2).
    auto *keyRow = new QHBoxLayout;
    m_keyFile = new QLineEdit(this);
    m_keyFile->setObjectName(u"clientKeyFile"_s);
    m_keyFile->setPlaceholderText(u"A PEM or PKCS#12 (.p12, .pfx) file holding the private key"_s);
    auto *browseKey = new QPushButton(u"Bro&wse\u2026"_s, this);
    browseKey->setObjectName(u"browseClientKey"_s);
    browseKey->setAccessibleName(u"Choose the private key file"_s);
    browseKey->setAutoDefault(false);
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(browseKey);
    addLabelledRow(m_form, u"Private &Key File:"_s, m_keyFile, keyRow, u"Private key file"_s);
    m_keyFileRow = keyRow;
    connect(browseKey, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, u"Private Key File"_s, QFileInfo(m_keyFile->text()).absolutePath(),
            u"Private keys (*.pem *.key *.p12 *.pfx);;All files (*)"_s);
        if (!file.isEmpty())
            m_keyFile->setText(file);
    });
    auto *passphrase = new SecretLineEdit(this);
    passphrase->setObjectName(u"clientKeyPassphrase"_s);
    passphrase->setPlaceholderText(u"Only for an encrypted key; kept in the keychain"_s);
    addLabelledRow(m_form, u"Key Passphrase:"_s, passphrase, u"Key passphrase"_s);
    m_keyPassphrase = passphrase;
    m_showPassphrase = passphrase->createRevealToggle(u"Show key passphrase"_s, u"Show key passphrase"_s);
    m_showPassphrase->setObjectName(u"showClientKeyPassphrase"_s);
    m_form->addRow(QString(), m_showPassphrase);
    m_keyId = addLine(u"Key ID (kid):"_s, "clientKeyId", u"Key ID"_s,
                      u"The kid the server knows the key by; empty: none is sent"_s);
    m_assertionAlgorithm = new QComboBox(this);
    m_assertionAlgorithm->setObjectName(u"clientAssertionAlgorithm"_s);
    m_assertionAlgorithm->addItem(u"From the key (RS256 for RSA, ES256 for EC P-256)"_s, QString());
    for (const QString &algorithm : { u"RS256"_s, u"PS256"_s, u"ES256"_s })
        m_assertionAlgorithm->addItem(algorithm, algorithm);
    addLabelledRow(m_form, u"Signing Algorithm:"_s, m_assertionAlgorithm, u"Signing algorithm"_s);
    m_assertionAudience
        = addLine(u"Assertion Audience:"_s, "clientAssertionAudience", u"Assertion audience"_s,
                  u"Empty: the Access Token URL; some servers want their issuer"_s);

    // The JWT bearer grant's assertion, signed with the key above.
    m_jwtIssuer
        = addLine(u"JWT Issuer (iss):"_s, "assertionIssuer", u"JWT issuer"_s, u"Empty: the Client ID"_s);
    m_jwtIssuer->setToolTip(u"Who signs the assertion. A Google service account: its e-mail address."_s);
    m_jwtSubject = addLine(u"JWT Subject (sub):"_s, "assertionSubject", u"JWT subject"_s,
                           u"The user the token is for; empty: the issuer"_s);
    m_jwtSubject->setToolTip(u"ServiceNow matches it against the User field of its JWT verifier map "
                             "(user name, e-mail or sys_id)."_s);
    m_jwtAudience = addLine(u"JWT Audience (aud):"_s, "assertionAudience", u"JWT audience"_s,
                            u"Empty: the Access Token URL"_s);
    m_jwtAudience->setToolTip(u"Some servers want another value: older ServiceNow instances the Client ID, "
                              "DocuSign its account server's host name."_s);
    m_jwtClaims = addLine(u"JWT Claims:"_s, "assertionClaims", u"JWT claims"_s,
                          u"More claims as JSON, e.g. {\"scope\": \"read\"}"_s);
    m_jwtClaims->setToolTip(u"A JSON object of claims added to the assertion; a claim named here replaces "
                            "the one above (iss, sub, aud, exp, …)."_s);
}

} // namespace Postern
