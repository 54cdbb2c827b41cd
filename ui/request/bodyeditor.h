#pragma once

#include "http/fileaccess.h"
#include "http/httprequest.h"

#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
QT_END_NAMESPACE

namespace Postern {

class FormPartsEditor;
class KeyValueEditor;

// The Body tab: one "Body type" list (None; raw JSON, Text, XML, HTML, JavaScript; x-www-form-urlencoded;
// form-data; binary; GraphQL) over one page per kind. It edits only the body fields of a request:
// setRequestBody() reads them, applyTo() writes them back and leaves every other field alone, and
// setRequestBody() then applyTo() gives back the same body fields. What the other modes hold is kept
// while another mode is chosen, as Postman does (the raw text too, except when None is chosen).
//
// A raw Content-Type the list lacks (text/csv, or none at all with a body) gets its own "Raw (…)" entry
// rather than being changed. changed() is emitted on every edit by the user, never by setRequestBody().
// Files are chosen with a file dialog, or with the chooser given to setFileChooser(). The dialog opens
// in the working directory; a file chosen there is stored relative to it, a file chosen elsewhere
// keeps its full path and may be sent from this tab until Postern quits (applyTo() passes the choice
// on in the request's FileAccess), and a note says so.
class BodyEditor : public QWidget
{
    Q_OBJECT

public:
    explicit BodyEditor(QWidget *parent = nullptr);

    void setRequestBody(const HttpRequest &request);
    void applyTo(HttpRequest *request) const;
    // What applyTo() gives right after setRequestBody(from), without an editor: from's body fields,
    // and no file chosen in this tab.
    static void copyBodyFields(const HttpRequest &from, HttpRequest *request);

    // Without a body (GET, HEAD, …) nothing can be edited and a note says so.
    void setMethodCarriesBody(bool carries, const QString &method);

    // Replaces the file dialog of the Browse… and Choose File… buttons: returns a path, or an empty
    // string when nothing was chosen. directory is where the dialog starts.
    using FileChooser
        = std::function<QString(QWidget *parent, const QString &title, const QString &directory)>;
    void setFileChooser(FileChooser chooser);

    // Settings > Working Directory…: asks for the folder (starting at the current one) and stores it
    // for the workspace. Returns what happened, for the status bar; empty when nothing was chosen.
    static QString chooseWorkingDirectory(QWidget *parent, const QString &workspaceRoot,
                                          const QString &stateDirectory);

    // Gives the workspace's working directory (see FileAccess) when a file is chosen.
    using WorkingDirectorySource = std::function<QString()>;
    void setWorkingDirectorySource(WorkingDirectorySource source);

Q_SIGNALS:
    void changed();

private:
    enum class Choice { None, Raw, UrlEncoded, FormData, Binary, GraphQL };

    QWidget *makeRawPage();
    QWidget *makeFormDataPage();
    QWidget *makeBinaryPage();
    QWidget *makeGraphqlPage();
    Choice currentChoice() const;
    void selectChoice(Choice choice, const QString &rawType);
    void setCustomRawType(const QString &type);
    void onTypeChosen();
    void onEdited();
    void chooseBodyFile();
    void choosePartFile();
    void updateVariablesNote();
    // Asks for a file; returns the path to store (empty when none was chosen) and notes the choice.
    QString chooseFile(const QString &title);

    QComboBox *m_type = nullptr;
    QLabel *m_note = nullptr;
    QStackedWidget *m_pages = nullptr;
    QPlainTextEdit *m_raw = nullptr;
    KeyValueEditor *m_fields = nullptr;
    FormPartsEditor *m_parts = nullptr;
    QPushButton *m_partFile = nullptr;
    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QLineEdit *m_fileType = nullptr;
    QPlainTextEdit *m_query = nullptr;
    QPlainTextEdit *m_variables = nullptr;
    QLabel *m_variablesNote = nullptr;
    QLabel *m_filesNote = nullptr;
    FileAccess m_files;
    WorkingDirectorySource m_workingDirectory;
    QString m_rawType; // the raw Content-Type kept while another mode is chosen
    FileChooser m_chooser;
    bool m_syncing = false;
};

} // namespace Postern
