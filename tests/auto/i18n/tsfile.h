#pragma once

#include <QList>
#include <QString>

// A Qt Linguist catalogue (.ts) as its messages, read with QXmlStreamReader: what the translation
// tests compare with the sources, the compiled catalogue and the window.
struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    QString translation;
    QString type; // "" for finished, or unfinished, vanished, obsolete
    bool numerus = false;
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error; // empty when read

    static TsFile read(const QString &path);
};
