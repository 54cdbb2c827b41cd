#include "ui/clientcertificatesdialog.h"

#include "secrets/secretstore.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/palette.h"
#include "ui/widgets/secretlineedit.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

const QString settingsKey = u"tls/clientCertificates"_s;

QString listText(const ClientCertificate &entry)
{
    const QString host = entry.host.trimmed().isEmpty()
        ? QCoreApplication::translate("Postern::ClientCertificatesDialog", "(no host)")
        : entry.host.trimmed();
    return entry.fileName().isEmpty() ? host : u"%1 \u2014 %2"_s.arg(host, entry.fileName());
}

} // namespace

ClientCertificatesDialog::ClientCertificatesDialog(const QList<ClientCertificate> &entries, QWidget *parent)
    : QDialog(parent)
    , m_entries(entries)
{
    setObjectName(u"clientCertificatesDialog"_s);
    setWindowTitle(tr("Client Certificates"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Postern presents a certificate to the hosts it is set for, in every request "
                                "and token request to them (TLS client authentication, RFC 8446; tokens a "
                                "server binds to it, RFC 8705, then work only with it)."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *row = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(u"certificateList"_s);
    m_list->setAccessibleName(tr("Client certificates"));
    row->addWidget(m_list, 1);
    auto *buttons = new QVBoxLayout;
    auto *add = new QPushButton(tr("&Add"), this);
    add->setObjectName(u"addCertificate"_s);
    add->setAccessibleName(tr("Add a client certificate"));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setObjectName(u"removeCertificate"_s);
    m_remove->setAccessibleName(tr("Remove the client certificate"));
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    row->addLayout(buttons);
    layout->addLayout(row);

    auto *form = new QFormLayout;
    auto line = [this, form](const QString &label, const char *name, const QString &accessible,
                             const QString &placeholder) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setPlaceholderText(placeholder);
        addLabelledRow(form, label, edit, accessible);
        return edit;
    };
    auto fileRow = [this, form](const QString &label, const char *name, const QString &accessible,
                                const QString &browseName, const QString &placeholder,
                                const QString &filter) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setPlaceholderText(placeholder);
        auto *browse = new QPushButton(tr("Browse…"), this);
        browse->setObjectName(QString::fromLatin1(name) + u"Browse"_s);
        browse->setAccessibleName(browseName);
        browse->setAutoDefault(false);
        auto *fileLayout = new QHBoxLayout;
        fileLayout->addWidget(edit, 1);
        fileLayout->addWidget(browse);
        addLabelledRow(form, label, edit, fileLayout, accessible);
        connect(browse, &QPushButton::clicked, this, [this, edit, label, filter] {
            const QString file
                = QFileDialog::getOpenFileName(this, label, QFileInfo(edit->text()).absolutePath(), filter);
            if (!file.isEmpty())
                edit->setText(file);
        });
        return edit;
    };
    m_host = line(tr("&Host:"), "certificateHost", tr("Host"),
                  tr("api.example.com, *.example.com, or host:8443"));
    m_pfxFile
        = fileRow(tr("&PFX File:"), "certificatePfxFile", tr("PKCS#12 file"), tr("Choose the PKCS#12 file"),
                  tr("A .p12 or .pfx file holding the certificate and its key"),
                  tr("PKCS#12 (*.p12 *.pfx);;All files (*)"));
    m_certFile = fileRow(tr("&CRT File:"), "certificateFile", tr("Certificate file"),
                         tr("Choose the certificate file"), tr("Or: the certificate (PEM or DER)…"),
                         tr("Certificates (*.crt *.pem *.cer *.der);;All files (*)"));
    m_keyFile = fileRow(tr("&KEY File:"), "certificateKeyFile", tr("Key file"), tr("Choose the key file"),
                        tr("…and its private key"), tr("Keys (*.key *.pem *.der);;All files (*)"));
    m_passphrase = new SecretLineEdit(this);
    m_passphrase->setObjectName(u"certificatePassphrase"_s);
    m_passphrase->setPlaceholderText(tr("For an encrypted key or PKCS#12 file; kept in the keychain"));
    addLabelledRow(form, tr("Pa&ssphrase:"), m_passphrase, tr("Passphrase"));
    form->addRow(
        QString(),
        m_passphrase->createRevealToggle(tr("Show passphrase"), tr("Show the certificate passphrase")));
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(u"certificateMessage"_s);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setStyleSheet(Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText));
    layout->addWidget(m_message);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    box->button(QDialogButtonBox::Ok)->setObjectName(u"certificatesOk"_s);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &ClientCertificatesDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (const ClientCertificate &entry : std::as_const(m_entries))
        m_list->addItem(listText(entry));
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int current) {
        storeEntry(m_shown);
        showEntry(current);
    });
    connect(add, &QPushButton::clicked, this, [this] {
        storeEntry(m_shown);
        m_entries.append(ClientCertificate());
        m_list->addItem(listText(m_entries.last()));
        m_list->setCurrentRow(m_list->count() - 1);
        m_host->setFocus();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int current = m_list->currentRow();
        if (current < 0)
            return;
        m_shown = -1;
        m_entries.removeAt(current);
        delete m_list->takeItem(current);
        showEntry(m_list->currentRow());
    });
    // Typed or chosen with Browse: the list follows.
    for (QLineEdit *edit : { m_host, m_pfxFile, m_certFile })
        connect(edit, &QLineEdit::textChanged, this, [this] {
            if (m_showing)
                return;
            storeEntry(m_shown);
            if (m_shown >= 0)
                m_list->item(m_shown)->setText(listText(m_entries.at(m_shown)));
        });
    m_list->setCurrentRow(m_entries.isEmpty() ? -1 : 0);
    showEntry(m_list->currentRow());
    resize(640, sizeHint().height());
}

void ClientCertificatesDialog::showEntry(int row)
{
    const QScopedValueRollback showing(m_showing, true);
    m_shown = row;
    const bool any = row >= 0 && row < m_entries.size();
    const ClientCertificate entry = any ? m_entries.at(row) : ClientCertificate();
    for (QWidget *w : { static_cast<QWidget *>(m_host), static_cast<QWidget *>(m_pfxFile),
                        static_cast<QWidget *>(m_certFile), static_cast<QWidget *>(m_keyFile),
                        static_cast<QWidget *>(m_passphrase) })
        w->setEnabled(any);
    m_remove->setEnabled(any);
    m_host->setText(entry.host);
    m_pfxFile->setText(entry.pfxFile);
    m_certFile->setText(entry.certFile);
    m_keyFile->setText(entry.keyFile);
    m_passphrase->setText(entry.passphrase);
}

void ClientCertificatesDialog::storeEntry(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    ClientCertificate &entry = m_entries[row];
    entry.host = m_host->text().trimmed();
    entry.pfxFile = m_pfxFile->text().trimmed();
    entry.certFile = m_certFile->text().trimmed();
    entry.keyFile = m_keyFile->text().trimmed();
    entry.passphrase = m_passphrase->text();
}

QList<ClientCertificate> ClientCertificatesDialog::entries() const
{
    QList<ClientCertificate> result;
    for (const ClientCertificate &entry : m_entries) {
        if (!entry.isEmpty())
            result.append(entry);
    }
    return result;
}

void ClientCertificatesDialog::accept()
{
    storeEntry(m_shown);
    QStringList problems;
    for (const ClientCertificate &entry : std::as_const(m_entries)) {
        if (entry.isEmpty() && !(entry.pfxFile.isEmpty() && entry.certFile.isEmpty()))
            problems << tr("A certificate has no host.");
        else if (!entry.isEmpty() && entry.pfxFile.isEmpty() && entry.certFile.isEmpty())
            problems << tr("The certificate for %1 names no file.").arg(entry.host);
    }
    problems += ClientCertificates(entries()).problems();
    if (!problems.isEmpty()) {
        m_message->setText(problems.join(u'\n'));
        return;
    }
    QDialog::accept();
}

QList<ClientCertificate> ClientCertificatesDialog::readSettings()
{
    QList<ClientCertificate> entries;
    const QJsonArray array = QJsonDocument::fromJson(QSettings().value(settingsKey).toByteArray()).array();
    for (const QJsonValue &value : array) {
        const ClientCertificate entry = ClientCertificate::fromJson(value.toObject());
        if (!entry.isEmpty())
            entries.append(entry);
    }
    return entries;
}

void ClientCertificatesDialog::load(SecretStore *store, QObject *context,
                                    std::function<void(const QList<ClientCertificate> &)> done)
{
    const QList<ClientCertificate> entries = readSettings();
    if (entries.isEmpty() || !store) {
        done(entries);
        return;
    }
    store->read(QString::fromLatin1(SecretKey), context,
                [entries, done](const SecretResult &result, const QByteArray &data) {
                    QList<ClientCertificate> withSecrets = entries;
                    const QJsonObject passphrases
                        = result.ok() ? QJsonDocument::fromJson(data).object() : QJsonObject();
                    for (ClientCertificate &entry : withSecrets)
                        entry.passphrase = passphrases.value(entry.host).toString();
                    done(withSecrets);
                });
}

void ClientCertificatesDialog::save(const QList<ClientCertificate> &entries, SecretStore *store)
{
    QJsonArray array;
    QJsonObject passphrases;
    for (const ClientCertificate &entry : entries) {
        array.append(entry.toJson());
        if (!entry.passphrase.isEmpty())
            passphrases.insert(entry.host, entry.passphrase);
    }
    QSettings().setValue(settingsKey, QJsonDocument(array).toJson(QJsonDocument::Compact));
    if (!store)
        return;
    if (passphrases.isEmpty())
        store->remove(QString::fromLatin1(SecretKey), store, [](const SecretResult &) {});
    else
        store->write(QString::fromLatin1(SecretKey),
                     QJsonDocument(passphrases).toJson(QJsonDocument::Compact), store,
                     [](const SecretResult &) {});
}

} // namespace Postern
