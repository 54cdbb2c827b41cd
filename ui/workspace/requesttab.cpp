#include "ui/workspace/requesttab.h"

#include "http/fileaccess.h"
#include "oauth/requestsender.h"
#include "oauth/tokenstore.h"
#include "runner/collectionrunner.h"
#include "runner/runvariables.h"
#include "ui/oauth/loginwindows.h"
#include "ui/oauth/oauth2pane.h"
#include "ui/request/autheditor.h"
#include "ui/request/requesteditor.h"
#include "ui/response/responseviewer.h"
#include "ui/response/testresultsview.h"
#include "ui/widgets/palette.h"
#include "workspace/workspace.h"

#include <QBoxLayout>
#include <QCoreApplication>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSplitter>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// The request as compared for "unsaved changes": every field, secrets included (a changed password
// is a change), but not which token is current (switching environments changes it).
QJsonObject comparable(const HttpRequest &request)
{
    QJsonObject object = request.toJson(OAuth2Config::Secrets::Include);
    QJsonObject auth = object.value(u"auth"_s).toObject();
    auth.remove(u"currentTokenId"_s);
    object.insert(u"auth"_s, auth);
    return object;
}

QString describeAuth(const AuthConfig &auth)
{
    switch (auth.type) {
    case AuthType::None:
    case AuthType::Inherit:
        return QCoreApplication::translate("Postern::RequestTab", "no authorization");
    case AuthType::Basic:
        return QCoreApplication::translate("Postern::RequestTab", "Basic Auth as “%1”").arg(auth.username);
    case AuthType::Bearer:
        return QCoreApplication::translate("Postern::RequestTab", "a Bearer token");
    case AuthType::OAuth2:
        return QCoreApplication::translate("Postern::RequestTab", "OAuth 2.0 (%1)")
            .arg(auth.oauth2.tokenName.isEmpty() ? auth.oauth2.clientId : auth.oauth2.tokenName);
    }
    return QString();
}

// What the response's place shows until the first Send: its title and what will come there. The
// viewer, with its pages and tool bar, is made then (RequestTab::viewer()).
QWidget *makeResponsePlaceholder(QWidget *parent)
{
    auto *placeholder = new QWidget(parent);
    placeholder->setObjectName(u"responsePlaceholder"_s);
    auto *layout = new QVBoxLayout(placeholder);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(RequestTab::tr("Response"), placeholder);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *hint = new QLabel(RequestTab::tr("Send a request to see its answer here."), placeholder);
    hint->setObjectName(u"responsePlaceholderText"_s);
    hint->setAlignment(Qt::AlignCenter);
    hint->setForegroundRole(QPalette::PlaceholderText);
    hint->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    layout->addWidget(title);
    layout->addWidget(hint, 1);
    return placeholder;
}

} // namespace

RequestTab::RequestTab(const QString &id, const OAuthServices &services, RequestSender *sender,
                       Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_id(id)
    , m_sender(sender)
    , m_workspace(workspace)
    , m_tokens(services.tokens)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scriptsNote = new QLabel(this);
    m_scriptsNote->setObjectName(u"scriptsNote"_s);
    m_scriptsNote->setWordWrap(true);
    m_scriptsNote->setText(
        tr("Scripts run on Send (this request's, its folders' or its collection's): their tests and console "
           "show under the response, in Test Results and Console."));
    m_scriptsNote->hide(); // its style sheet is given when it is first shown (see refreshContext())
    layout->addWidget(m_scriptsNote);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_editor = new RequestEditor(services, m_splitter);
    m_editor->setObjectName(u"requestEditor"_s);
    m_responsePlaceholder = makeResponsePlaceholder(m_splitter);
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_responsePlaceholder);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({ 260, 520 });
    layout->addWidget(m_splitter);

    connect(m_editor, &RequestEditor::sendRequested, this, &RequestTab::send);
    connect(m_editor, &RequestEditor::cancelRequested, this, &RequestTab::cancel);
    connect(m_editor, &RequestEditor::changed, this, [this] {
        ++m_revision;
        updateDirty();
        if (m_name.isEmpty())
            Q_EMIT titleChanged();
        Q_EMIT edited();
    });
    m_editor->setWorkingDirectorySource([this] { return workingDirectory(); });
    m_saved = comparable(m_editor->request());
    refreshContext();
}

ResponseViewer *RequestTab::viewer()
{
    if (m_viewer)
        return m_viewer;
    m_viewer = new ResponseViewer;
    m_viewer->setObjectName(u"responseViewer"_s);
    // HTML answers are previewed by the WebEngine library, loaded the first time one is.
    m_viewer->setHtmlPreviewFactory(&LoginWindows::createHtmlPreview);
    // Offered with the message of a Send stopped for want of a usable OAuth 2.0 token.
    m_getTokenOffer = new QPushButton(tr("Get New Access Token…"), m_viewer);
    m_getTokenOffer->setObjectName(u"sendGetNewTokenButton"_s);
    m_getTokenOffer->setAccessibleName(tr("Get New Access Token"));
    m_getTokenOffer->hide();
    m_viewer->addUnderMessage(m_getTokenOffer);
    connect(m_getTokenOffer, &QPushButton::clicked, this, [this] {
        m_getTokenOffer->hide();
        m_editor->authEditor()->oauth2Pane()->getNewAccessToken();
    });
    connect(m_viewer, &ResponseViewer::message, this, &RequestTab::message);
    // In the placeholder's place, at its size.
    delete m_splitter->replaceWidget(m_splitter->indexOf(m_responsePlaceholder), m_viewer);
    m_responsePlaceholder = nullptr;
    return m_viewer;
}

RequestTab::~RequestTab()
{
    if (m_call)
        m_call->cancel();
}

QString RequestTab::title() const
{
    if (!m_name.isEmpty())
        return m_name;
    const HttpRequest request = m_editor->request();
    if (request.url.isEmpty())
        return tr("Untitled Request");
    // The query may hold a key or a token: a title shows the host, its port and the path only.
    QString shown = request.url.section(u'?', 0, 0).section(u'#', 0, 0);
    QUrl url(shown);
    if (url.isValid() && !url.host().isEmpty()) {
        url.setUserInfo(QString());
        shown = url.authority() + url.path();
    }
    return request.method + u' ' + shown.left(40);
}

void RequestTab::setName(const QString &name)
{
    m_name = name;
    Q_EMIT titleChanged();
}

void RequestTab::open(const QString &collectionId, const QString &itemId, const QString &name,
                      const HttpRequest &request)
{
    m_collectionId = collectionId;
    m_itemId = itemId;
    m_name = name;
    refreshContext();
    m_editor->setRequest(request);
    m_saved = comparable(m_editor->request());
    updateDirty();
    Q_EMIT titleChanged();
}

void RequestTab::setDraft(const HttpRequest &request)
{
    m_editor->setRequest(request);
    updateDirty();
    Q_EMIT titleChanged();
    ++m_revision;
    Q_EMIT edited(); // kept as a draft like any edit
}

void RequestTab::markSaved(const QString &collectionId, const QString &itemId, const QString &name)
{
    m_collectionId = collectionId;
    m_itemId = itemId;
    m_name = name;
    m_saved = comparable(m_editor->request());
    updateDirty();
    refreshContext();
    Q_EMIT titleChanged();
}

void RequestTab::followSaved(const QString &collectionId, const CollectionItem &item)
{
    m_collectionId = collectionId;
    const HttpRequest &saved = item.request;
    HttpRequest current = m_editor->request();
    bool filled = false;
    auto fill = [&filled](QString &mine, const QString &theirs) {
        if (mine.isEmpty() && !theirs.isEmpty()) {
            mine = theirs;
            filled = true;
        }
    };
    fill(current.auth.password, saved.auth.password);
    if (current.auth.type == AuthType::Bearer)
        fill(current.auth.token, saved.auth.token);
    fill(current.auth.oauth2.clientSecret, saved.auth.oauth2.clientSecret);
    fill(current.auth.oauth2.codeVerifier, saved.auth.oauth2.codeVerifier);
    if (filled)
        m_editor->setRequest(current);
    m_saved = comparable(saved);
    updateDirty();
    if (item.name != m_name) {
        m_name = item.name;
        Q_EMIT titleChanged();
    }
}

void RequestTab::setMissingOrigin(const QString &collectionId, const QString &itemId)
{
    m_missingCollectionId = collectionId;
    m_missingItemId = itemId;
}

void RequestTab::fillSecrets(const WorkspaceSecrets::Map &secrets)
{
    HttpRequest current = m_editor->request();
    const QJsonObject before = current.auth.toJson(OAuth2Config::Secrets::Include);
    WorkspaceSecrets::applyAuth(&current.auth, u"auth/"_s, secrets);
    if (current.auth.toJson(OAuth2Config::Secrets::Include) == before)
        return;
    m_editor->setRequest(current);
    updateDirty();
}

void RequestTab::detach()
{
    m_collectionId.clear();
    m_itemId.clear();
    m_saved = comparable(HttpRequest()); // unsaved: closing asks, the draft stays
    updateDirty();
    refreshContext();
    Q_EMIT titleChanged();
    ++m_revision;
    Q_EMIT edited();
}

void RequestTab::updateDirty()
{
    const bool dirty = comparable(m_editor->request()) != m_saved;
    if (dirty == m_dirty)
        return;
    m_dirty = dirty;
    Q_EMIT dirtyChanged(dirty);
}

void RequestTab::refreshContext()
{
    if (!m_workspace)
        return;
    m_editor->setVariableContext(m_workspace->resolver(m_collectionId), m_workspace->currentEnvironmentId());
    const Collection *collection = m_workspace->collection(m_collectionId);
    const CollectionItem *item = collection ? collection->find(m_itemId) : nullptr;
    const bool scripted = item && CollectionRunner::hasScripts(*collection, m_itemId);
    // A style sheet makes Qt style the widget with a style sheet style, which a start need not wait for.
    if (scripted && m_scriptsNote->styleSheet().isEmpty()) {
        m_scriptsNote->setStyleSheet(
            Theme::backgroundStyleSheet(u"QLabel"_s, ColorRole::NoteBackground, u"padding: 4px;"_s));
    }
    m_scriptsNote->setVisible(scripted);
    if (!collection) {
        m_editor->setInheritedAuth(true,
                                   tr("This request is in no collection: it is sent without authorization."));
        return;
    }
    QString source;
    const AuthConfig inherited = collection->inheritedAuth(m_itemId, &source);
    m_editor->setInheritedAuth(
        true,
        tr("This request uses the authorization of “%1”: %2. Change it in %1's settings.")
            .arg(source, describeAuth(inherited)));
}

QString RequestTab::workingDirectory() const
{
    return m_workspace ? WorkingDirectory::read(m_workspace->root(), m_workspace->stateDirectory())
                       : QString();
}

HttpRequest RequestTab::preparedRequest(OAuth2Config::Secrets secrets) const
{
    HttpRequest request = m_editor->request();
    if (request.auth.type == AuthType::Inherit) {
        const Collection *collection = m_workspace ? m_workspace->collection(m_collectionId) : nullptr;
        request.auth = collection ? collection->inheritedAuth(m_itemId) : AuthConfig();
    }
    if (m_workspace) {
        const VariableResolver resolver = m_workspace->resolver(m_collectionId);
        request = (secrets == OAuth2Config::Secrets::Include ? resolver : resolver.withSecretsMasked())
                      .resolve(request);
    }
    prepareForSending(&request);
    return request;
}

void RequestTab::prepareForSending(HttpRequest *request) const
{
    // Files are read from the workspace's working directory, whatever the request says (FileAccess).
    request->files.setWorkingDirectory(workingDirectory());
    if (!m_workspace)
        return;
    // The token must come from the current environment, whatever was chosen before the switch.
    if (request->auth.type == AuthType::OAuth2 && m_tokens) {
        const QString environment = m_workspace->currentEnvironmentId();
        const std::optional<OAuth2Token> chosen = m_tokens->token(request->auth.oauth2TokenId);
        if (!chosen || chosen->environment != environment) {
            const QList<OAuth2Token> tokens = m_tokens->tokens();
            const OAuth2Token *best = OAuth2Token::newestFor(tokens, request->auth.oauth2.key(), environment);
            request->auth.oauth2TokenId = best ? best->id : QString();
            request->auth.token = best
                ? (request->auth.oauth2UseIdToken && !best->idToken.isEmpty() ? best->idToken
                                                                              : best->accessToken)
                : QString();
        }
    }
}

bool RequestTab::isBusy() const
{
    return !m_call.isNull() || (m_runner && m_runner->isRunning());
}

Collection RequestTab::sendingContext(QString *itemId) const
{
    // The request as the editor shows it, saved or not, in a copy of its collection (of a collection
    // of its own when it is in none), so that the scripts of the collection, its folders and the
    // request run around it as in a one-request collection run.
    const Collection *saved = m_workspace ? m_workspace->collection(m_collectionId) : nullptr;
    Collection collection = saved ? *saved : Collection();
    CollectionItem *item = saved ? collection.find(m_itemId) : nullptr;
    if (!item) {
        collection.items = { CollectionItem::makeRequest(m_name, HttpRequest()) };
        item = &collection.items.first();
    }
    item->request = m_editor->request();
    *itemId = item->id;
    return collection;
}

bool RequestTab::hasScripts() const
{
    QString itemId;
    return CollectionRunner::hasScripts(sendingContext(&itemId), itemId);
}

void RequestTab::send()
{
    if (isBusy())
        return;
    viewer(); // the answer is shown there
    if (hasScripts()) {
        sendWithScripts();
        return;
    }
    m_viewer->clearScriptResults();
    HttpRequest request = preparedRequest();
    m_getTokenOffer->hide();
    // An OAuth 2.0 request without a token it may use is not sent at all (not without its
    // Authorization header, not with a revoked token or another instance's).
    if (request.auth.type == AuthType::OAuth2 && m_tokens) {
        const std::optional<OAuth2Token> token = m_tokens->token(request.auth.oauth2TokenId);
        const QString problem = OAuth2Token::unusableReason(token ? &*token : nullptr, request.auth.oauth2);
        if (!problem.isEmpty()) {
            HttpResponse refused;
            refused.error = HttpResponse::Error::Authorization;
            refused.errorMessage = problem;
            m_viewer->showResponse(refused);
            m_getTokenOffer->setVisible(m_editor->request().auth.type == AuthType::OAuth2);
            return;
        }
    }
    // What history keeps: the same request with secret variables masked.
    const HttpRequest recorded = preparedRequest(OAuth2Config::Secrets::Omit);
    m_editor->setBusy(true);
    m_viewer->setBusy(true);
    // A body over the Response Body Limit goes to a file, to be saved (the runner's do not).
    request.bodyToFileAllowed = true;
    m_call = m_sender->send(request);
    connect(m_call, &SendOperation::progress, m_viewer, &ResponseViewer::setProgress);
    connect(m_call, &SendOperation::finished, this, [this, recorded](const HttpResponse &response) {
        m_call = nullptr;
        m_editor->setBusy(false);
        m_viewer->showResponse(response);
        Q_EMIT exchanged(recorded, response);
    });
}

void RequestTab::cancel()
{
    if (m_call)
        m_call->cancel();
    if (m_runner)
        m_runner->cancel();
}

void RequestTab::sendWithScripts()
{
    QString itemId;
    const Collection collection = sendingContext(&itemId);
    Environment environment;
    if (const Environment *current
        = m_workspace ? m_workspace->environment(m_workspace->currentEnvironmentId()) : nullptr)
        environment = *current;
    if (!m_runner) {
        auto sender = [this](const HttpRequest &resolved,
                             std::function<void(const HttpResponse &)> done) -> CollectionRunner::CancelSend {
            HttpRequest request = resolved;
            prepareForSending(&request);
            if (request.auth.type == AuthType::OAuth2 && m_tokens) {
                const std::optional<OAuth2Token> token = m_tokens->token(request.auth.oauth2TokenId);
                const QString problem
                    = OAuth2Token::unusableReason(token ? &*token : nullptr, request.auth.oauth2);
                if (!problem.isEmpty()) {
                    HttpResponse refused;
                    refused.error = HttpResponse::Error::Authorization;
                    refused.errorMessage = problem;
                    m_getTokenOffer->setVisible(m_editor->request().auth.type == AuthType::OAuth2);
                    QMetaObject::invokeMethod(
                        this, [done = std::move(done), refused] { done(refused); }, Qt::QueuedConnection);
                    return {};
                }
            }
            SendOperation *operation = m_sender->send(request);
            connect(operation, &SendOperation::progress, m_viewer, &ResponseViewer::setProgress);
            connect(operation, &SendOperation::finished, this, std::move(done));
            return [operation = QPointer<SendOperation>(operation)] {
                if (operation)
                    operation->cancel();
            };
        };
        m_runner = new CollectionRunner(sender, m_sender->client(), this);
        connect(m_runner, &CollectionRunner::responseReceived, this, [this](const HttpResponse &response) {
            m_viewer->showResponse(response);
            Q_EMIT exchanged(m_recorded, response);
        });
        connect(m_runner, &CollectionRunner::finished, this, [this](const RunReport &report) {
            m_editor->setBusy(false);
            m_viewer->setBusy(false);
            const RunExecution execution = report.executions.value(0);
            if (execution.skipped) {
                HttpResponse skipped;
                skipped.error = HttpResponse::Error::Canceled;
                skipped.errorMessage
                    = tr("A pre-request script skipped the request (pm.execution.skipRequest()).");
                m_viewer->showResponse(skipped);
            }
            m_viewer->showScriptResults(execution.tests, execution.failures, execution.console);
            const QString error = !m_workspace
                ? QString()
                : keepRunVariables(m_workspace, m_collectionId, m_workspace->currentEnvironmentId(),
                                   *m_runner);
            if (!error.isEmpty())
                Q_EMIT message(tr("The variables the scripts set could not be kept: %1").arg(error));
            if (m_viewer->hasTestFailures())
                Q_EMIT message(m_viewer->testSummary() + u'.');
        });
    }
    m_getTokenOffer->hide();
    m_recorded = preparedRequest(OAuth2Config::Secrets::Omit);
    m_editor->setBusy(true);
    m_viewer->setBusy(true);
    m_viewer->clearScriptResults();
    RunOptions options;
    options.requestIds = { itemId };
    options.scriptTimeLimit = RunSettings::scriptTimeLimit();
    m_runner->start(collection, environment, m_workspace ? m_workspace->globals().variables : VariableList(),
                    options);
}

} // namespace Postern
