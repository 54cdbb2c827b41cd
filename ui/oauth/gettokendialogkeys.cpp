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
    m_keyFile->setPlaceholderText(tr("A PEM or PKCS#12 (.p12, .pfx) file holding the private key"));
    auto *browseKey = new QPushButton(tr("Bro&wse…"), this);
    browseKey->setObjectName(u"browseClientKey"_s);
    browseKey->setAccessibleName(tr("Choose the private key file"));
    browseKey->setAutoDefault(false);
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(browseKey);
    addLabelledRow(m_form, tr("Private &Key File:"), m_keyFile, keyRow, tr("Private key file"));
    m_keyFileRow = keyRow;
    connect(browseKey, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Private Key File"), QFileInfo(m_keyFile->text()).absolutePath(),
            tr("Private keys (*.pem *.key *.p12 *.pfx);;All files (*)"));
        if (!file.isEmpty())
            m_keyFile->setText(file);
    });
    auto *passphrase = new SecretLineEdit(this);
    passphrase->setObjectName(u"clientKeyPassphrase"_s);
    passphrase->setPlaceholderText(tr("Only for an encrypted key; kept in the keychain"));
    addLabelledRow(m_form, tr("Key Passphrase:"), passphrase, tr("Key passphrase"));
    m_keyPassphrase = passphrase;
    m_showPassphrase = passphrase->createRevealToggle(tr("Show key passphrase"), tr("Show key passphrase"));
    m_showPassphrase->setObjectName(u"showClientKeyPassphrase"_s);
    m_form->addRow(QString(), m_showPassphrase);
    m_keyId = addLine(tr("Key ID (kid):"), "clientKeyId", tr("Key ID"),
                      tr("The kid the server knows the key by; empty: none is sent"));
    m_assertionAlgorithm = new QComboBox(this);
    m_assertionAlgorithm->setObjectName(u"clientAssertionAlgorithm"_s);
    m_assertionAlgorithm->addItem(tr("From the key (RS256 for RSA, ES256 for EC P-256)"), QString());
    for (const QString &algorithm : { u"RS256"_s, u"PS256"_s, u"ES256"_s })
        m_assertionAlgorithm->addItem(algorithm, algorithm);
    addLabelledRow(m_form, tr("Signing Algorithm:"), m_assertionAlgorithm, tr("Signing algorithm"));
    m_assertionAudience
        = addLine(tr("Assertion Audience:"), "clientAssertionAudience", tr("Assertion audience"),
                  tr("Empty: the Access Token URL; some servers want their issuer"));

    // The JWT bearer grant's assertion, signed with the key above.
    m_jwtIssuer
        = addLine(tr("JWT Issuer (iss):"), "assertionIssuer", tr("JWT issuer"), tr("Empty: the Client ID"));
    m_jwtIssuer->setToolTip(tr("Who signs the assertion. A Google service account: its e-mail address."));
    m_jwtSubject = addLine(tr("JWT Subject (sub):"), "assertionSubject", tr("JWT subject"),
                           tr("The user the token is for; empty: the issuer"));
    m_jwtSubject->setToolTip(tr("ServiceNow matches it against the User field of its JWT verifier map "
                                "(user name, e-mail or sys_id)."));
    m_jwtAudience = addLine(tr("JWT Audience (aud):"), "assertionAudience", tr("JWT audience"),
                            tr("Empty: the Access Token URL"));
    m_jwtAudience->setToolTip(tr("Some servers want another value: older ServiceNow instances the Client ID, "
                                 "DocuSign its account server's host name."));
    m_jwtClaims = addLine(tr("JWT Claims:"), "assertionClaims", tr("JWT claims"),
                          tr("More claims as JSON, e.g. {\"scope\": \"read\"}"));
    m_jwtClaims->setToolTip(tr("A JSON object of claims added to the assertion; a claim named here replaces "
                               "the one above (iss, sub, aud, exp, …)."));
}

} // namespace Postern
