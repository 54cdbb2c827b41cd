#pragma once

#include "httprequest.h"
#include "httpresponse.h"
#include "oauthservices.h"

#include <QMainWindow>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QLabel;
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Postern {

class HttpClient;
class RequestSender;
class SendOperation;
class EncryptedTokenFile;
class RequestEditor;
class ResponseViewer;
class TokenStore;

// The main window: a request editor above a response viewer. It owns the HttpClient (over the
// application's network manager, which it does not own) and runs one request at a time.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Neither the network manager nor the token store is owned.
    MainWindow(QNetworkAccessManager *manager, TokenStore *tokens, QWidget *parent = nullptr);
    ~MainWindow() override;

    RequestEditor *requestEditor() const { return m_editor; }
    ResponseViewer *responseViewer() const { return m_viewer; }

    void setRequest(const HttpRequest &request);
    // Offers Settings > Keep Tokens in an Encrypted File (not owned).
    void setEncryptedTokenFile(EncryptedTokenFile *file);
    void setInstanceStatus(const QString &text);

    // The request Postern opens with: ten incidents from the instance's Table API, with Basic
    // credentials when given.
    static HttpRequest incidentRequest(const QUrl &instance, const QString &user = QString(),
                                       const QString &password = QString());

    void send();
    void cancel();
    // Copies the request as a curl command; credentials masked unless includeSecrets.
    void copyAsCurl(bool includeSecrets);

Q_SIGNALS:
    void responseReceived(const Postern::HttpResponse &response);

private:
    void createMenus();
    void onFinished(const HttpResponse &response);

    RequestEditor *m_editor = nullptr;
    ResponseViewer *m_viewer = nullptr;
    QLabel *m_instanceStatus = nullptr;
    TokenStore *m_tokens = nullptr;
    EncryptedTokenFile *m_encryptedFile = nullptr;
    QAction *m_encryptedFileAction = nullptr;
    HttpClient *m_client = nullptr;
    OAuthServices m_services;
    RequestSender *m_sender = nullptr;
    QPointer<SendOperation> m_call;
};

} // namespace Postern
