#pragma once

#include "http/clientcertificates.h"

#include <QDialog>
#include <QList>

QT_BEGIN_NAMESPACE
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace Postern {

class SecretLineEdit;
class SecretStore;

// Settings → Client Certificates: the TLS client certificates Postern presents, per host (Postman's
// Settings → Certificates). Each has a host ("api.example.com", "*.example.com", with ":port" when not
// 443) and either a PKCS#12 file or a certificate file with its key file, and the passphrase of an
// encrypted key or PKCS#12 file. OK checks that every certificate can be read before it closes; a
// problem is said under the list, naming the host and file.
//
// Where they are kept: hosts and files in the application's settings ("tls/clientCertificates"), the
// passphrases in the keychain (the token store's secret store, key "client-certificates"), never in a
// file. load() reads both and hands the result to the network manager; save() writes them.
class ClientCertificatesDialog : public QDialog
{
    Q_OBJECT

public:
    ClientCertificatesDialog(const QList<ClientCertificate> &entries, QWidget *parent = nullptr);

    QList<ClientCertificate> entries() const;

    static QList<ClientCertificate> readSettings();
    // Reads the passphrases from store and calls done with the whole entries (passphrases empty when
    // the store has none or cannot be read).
    static void load(SecretStore *store, QObject *context,
                     std::function<void(const QList<ClientCertificate> &)> done);
    static void save(const QList<ClientCertificate> &entries, SecretStore *store);

    static constexpr const char *SecretKey = "client-certificates";

private:
    void showEntry(int row);
    void storeEntry(int row);
    void accept() override;

    QList<ClientCertificate> m_entries;
    int m_shown = -1;
    bool m_showing = false; // filling the fields from an entry, not editing it
    QListWidget *m_list = nullptr;
    QLineEdit *m_host = nullptr;
    QLineEdit *m_pfxFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    SecretLineEdit *m_passphrase = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
};

} // namespace Postern
