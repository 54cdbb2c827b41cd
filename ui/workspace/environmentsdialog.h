#pragma once

#include <QDialog>

QT_BEGIN_NAMESPACE
class QListWidget;
class QPushButton;
QT_END_NAMESPACE

namespace Postern {

class VariablesEditor;
class Workspace;

// Manage Environments: the globals and every environment on the left, the selected one's variables
// on the right. Create, rename, duplicate and delete (after a confirmation); every edit is saved to the
// workspace as it is made (secret values to the keychain). The workspace is not owned.
class EnvironmentsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit EnvironmentsDialog(Workspace *workspace, QWidget *parent = nullptr);

    void select(const QString &environmentId);
    QString selectedId() const;
    VariablesEditor *variablesEditor() const { return m_variables; }

    QString addEnvironment(const QString &name);
    void duplicateSelected();
    void renameSelected();
    void deleteSelected();

private:
    void reload();
    void showSelected();
    void saveSelected();

    Workspace *m_workspace;
    QListWidget *m_list = nullptr;
    VariablesEditor *m_variables = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_export = nullptr;
    bool m_loading = false;
};

} // namespace Postern
