// postern-icon-render: draws an SVG icon as PNG files for the hicolor icon theme, at build time.
//   postern-icon-render ICON.svg OUTPUT-DIR NAME SIZE...
// writes OUTPUT-DIR/SIZExSIZE/apps/NAME.png for each SIZE. Qt's SVG image plugin does the drawing.

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageReader>
#include <QStringList>

#include <cstdio>

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 5) {
        std::fputs("usage: postern-icon-render ICON.svg OUTPUT-DIR NAME SIZE...\n", stderr);
        return 2;
    }
    const QString source = arguments.at(1);
    const QDir output(arguments.at(2));
    const QString name = arguments.at(3);
    for (qsizetype i = 4; i < arguments.size(); ++i) {
        bool ok = false;
        const int size = arguments.at(i).toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            std::fprintf(stderr, "postern-icon-render: %s is not a size\n", qPrintable(arguments.at(i)));
            return 2;
        }
        QImageReader reader(source, "svg");
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (image.isNull()) {
            std::fprintf(stderr, "postern-icon-render: %s: %s\n", qPrintable(source),
                         qPrintable(reader.errorString()));
            return 1;
        }
        const QString folder = QStringLiteral("%1x%1/apps").arg(size);
        if (!output.mkpath(folder)
            || !image.save(output.filePath(folder + QLatin1Char('/') + name + QStringLiteral(".png")),
                           "png")) {
            std::fprintf(stderr, "postern-icon-render: cannot write into %s\n",
                         qPrintable(output.filePath(folder)));
            return 1;
        }
    }
    return 0;
}
