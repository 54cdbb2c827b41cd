#pragma once

// What Postern's libFuzzer targets share: a QCoreApplication (some parsers reach Qt's plugins or text
// codecs through it), the input as Qt types, and splitting an input into parts at NUL bytes (seeds are
// the project's test files, which hold none, so a seed is all in the first part).

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace PosternFuzz {

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "postern-fuzz";
    static char *argv[] = { name, nullptr };
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv); // lives as long as the fuzzer
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// The input cut at its first count - 1 NUL bytes: count parts, the missing ones empty.
inline QList<QByteArray> parts(const QByteArray &input, int count)
{
    QList<QByteArray> out;
    qsizetype from = 0;
    for (int i = 0; i < count - 1; ++i) {
        const qsizetype nul = input.indexOf('\0', from);
        if (nul < 0)
            break;
        out.append(input.mid(from, nul - from));
        from = nul + 1;
    }
    out.append(input.mid(from));
    while (out.size() < count)
        out.append(QByteArray());
    return out;
}

} // namespace PosternFuzz
