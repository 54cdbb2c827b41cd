#pragma once

#include <QJsonArray>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QListWidget;
class QTabWidget;
QT_END_NAMESPACE

namespace Postern {

class CodeEditor;

// The Scripts tab: a request's (or a folder's, a collection's) pre-request and post-response
// JavaScript, each in a code editor with line numbers and highlighting, and a list of snippets that
// insert a common test or variable line at the cursor (Enter or a double click). Reads and writes
// Postman's "event" list, so that a script nobody edited goes back to the file unchanged.
class ScriptsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit ScriptsEditor(QWidget *parent = nullptr);

    void setScripts(const QJsonArray &events);
    QJsonArray scripts() const;
    // What scripts() gives right after setScripts(events), without an editor.
    static QJsonArray normalized(const QJsonArray &events);

    CodeEditor *preRequest() const { return m_preRequest; }
    CodeEditor *postResponse() const { return m_postResponse; }
    // Inserts the snippet at row into the editor shown now.
    void insertSnippet(int row);

Q_SIGNALS:
    void changed();

private:
    QTabWidget *m_pages = nullptr;
    CodeEditor *m_preRequest = nullptr;
    CodeEditor *m_postResponse = nullptr;
    QListWidget *m_snippets = nullptr;
    QJsonArray m_events;
    bool m_loading = false;
};

} // namespace Postern
