// postern-workspace-writer <root>: edits and saves a workspace in a loop until it is killed, the way
// Postern does while someone works, for tst_crashsafety.
//
// Each round N (continuing from what the workspace already holds) sets the "round" variable of the
// collection "Crash", its environment and the globals to N, adds request N (up to 200 requests, then
// changes the URL of an existing one to .../N), saves the collection, the environment and the globals,
// then the draft of tab "tab-1" and the session. Only then does it print "saved N" and flush, so every
// round the test has read is one the files must still hold after a kill -9.

#include "workspace/collection.h"
#include "workspace/environment.h"
#include "workspace/sessionstore.h"
#include "workspace/workspace.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

constexpr int maxRequests = 200;

void setRound(VariableList *variables, int round)
{
    for (Variable &variable : *variables) {
        if (variable.key == u"round"_s) {
            variable.value = QString::number(round);
            return;
        }
    }
    Variable variable;
    variable.key = u"round"_s;
    variable.value = QString::number(round);
    variables->append(variable);
}

int roundOf(const VariableList &variables)
{
    for (const Variable &variable : variables) {
        if (variable.key == u"round"_s)
            return variable.value.toInt();
    }
    return 0;
}

int fail(const QString &what)
{
    std::fprintf(stderr, "postern-workspace-writer: %s\n", qPrintable(what));
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2)
        return fail(u"usage: postern-workspace-writer <workspace folder>"_s);

    Workspace workspace(app.arguments().at(1));
    if (!workspace.open() || !workspace.messages().isEmpty())
        return fail(workspace.messages().join(u'\n'));
    const SessionStore sessions(workspace.stateDirectory());

    Collection collection = Collection::make(u"Crash"_s);
    for (const Collection &existing : workspace.collections()) {
        if (existing.name == u"Crash"_s)
            collection = existing;
    }
    if (collection.items.isEmpty())
        collection.items.append(CollectionItem::makeFolder(u"Folder"_s));
    Environment environment = Environment::make(u"Crash env"_s);
    for (const Environment &existing : workspace.environments()) {
        if (existing.name == u"Crash env"_s)
            environment = existing;
    }
    Environment globals = workspace.globals();

    for (int round = roundOf(collection.variables) + 1;; ++round) {
        const QString url = u"https://example.org/"_s + QString::number(round);
        setRound(&collection.variables, round);
        if (collection.requestCount() < maxRequests) {
            HttpRequest request;
            request.url = url;
            request.headers = { { u"X-Round"_s, QString::number(round), true, {} } };
            request.body = QByteArray("{\"round\": ") + QByteArray::number(round) + '}';
            CollectionItem item
                = CollectionItem::makeRequest(u"Request "_s + QString::number(round), request);
            // Alternately in the folder and at the top level.
            collection.insert(round % 2 ? collection.items.first().id : QString(), -1, item);
        } else {
            int index = round % maxRequests;
            for (CollectionItem &item : collection.items.first().children) {
                if (index-- == 0)
                    item.request.url = url;
            }
            for (CollectionItem &item : collection.items) {
                if (!item.isFolder() && index-- == 0)
                    item.request.url = url;
            }
        }
        if (const QString error = workspace.saveCollection(collection); !error.isEmpty())
            return fail(error);
        setRound(&environment.variables, round);
        if (const QString error = workspace.saveEnvironment(environment); !error.isEmpty())
            return fail(error);
        setRound(&globals.variables, round);
        if (const QString error = workspace.saveGlobals(globals); !error.isEmpty())
            return fail(error);
        HttpRequest draft;
        draft.url = url;
        if (const QString error = sessions.saveDraft(u"tab-1"_s, draft); !error.isEmpty())
            return fail(error);
        Session session;
        session.tabs = { { u"tab-1"_s, collection.id, QString(), u"Round "_s + QString::number(round) } };
        session.currentTabId = u"tab-1"_s;
        session.environmentId = environment.id;
        if (const QString error = sessions.save(session); !error.isEmpty())
            return fail(error);
        std::printf("saved %d\n", round);
        std::fflush(stdout);
    }
}
