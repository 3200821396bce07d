#include "demo/DemoNames.h"

#include "demo/DemoRandom.h"

namespace tenure {

QString DemoNames::englishCompany(DemoRandom& random)
{
    static const QStringList first {
        QStringLiteral("Northwind"), QStringLiteral("Bluefin"),    QStringLiteral("Granite"),
        QStringLiteral("Cedar"),     QStringLiteral("Lumen"),      QStringLiteral("Harbor"),
        QStringLiteral("Summit"),    QStringLiteral("Vertex"),     QStringLiteral("Orchard"),
        QStringLiteral("Copper"),    QStringLiteral("Silverline"), QStringLiteral("Brightwave"),
        QStringLiteral("Redwood"),   QStringLiteral("Atlas"),      QStringLiteral("Nimbus"),
        QStringLiteral("Pioneer"),   QStringLiteral("Keystone"),   QStringLiteral("Meridian"),
        QStringLiteral("Falcon"),    QStringLiteral("Juniper"),    QStringLiteral("Evergreen"),
        QStringLiteral("Beacon"),    QStringLiteral("Cobalt"),     QStringLiteral("Tidewater"),
        QStringLiteral("Quarry"),    QStringLiteral("Larkspur"),   QStringLiteral("Ironbark"),
        QStringLiteral("Westbrook")
    };
    static const QStringList second {
        QStringLiteral("Analytics"), QStringLiteral("Logistics"), QStringLiteral("Health"),
        QStringLiteral("Labs"),      QStringLiteral("Systems"),   QStringLiteral("Foods"),
        QStringLiteral("Robotics"),  QStringLiteral("Media"),     QStringLiteral("Capital"),
        QStringLiteral("Energy"),    QStringLiteral("Retail"),    QStringLiteral("Software"),
        QStringLiteral("Networks"),  QStringLiteral("Bio"),       QStringLiteral("Studios"),
        QStringLiteral("Dynamics"),  QStringLiteral("Freight"),   QStringLiteral("Insurance")
    };
    static const QStringList suffix { QStringLiteral(""),     QStringLiteral(" Inc."),
                                      QStringLiteral(" Ltd"), QStringLiteral(" GmbH"),
                                      QStringLiteral(" LLC"), QStringLiteral(" & Co.") };
    return random.pick(first) + QLatin1Char(' ') + random.pick(second) + random.pick(suffix);
}

QString DemoNames::japaneseCompany(DemoRandom& random)
{
    static const QStringList first {
        QStringLiteral("さくら"), QStringLiteral("富士見"), QStringLiteral("青葉"),   QStringLiteral("北斗"),
        QStringLiteral("東雲"),   QStringLiteral("みなと"), QStringLiteral("若葉"),   QStringLiteral("銀河"),
        QStringLiteral("朝日"),   QStringLiteral("大和"),   QStringLiteral("星野"),   QStringLiteral("緑川"),
        QStringLiteral("白鷺"),   QStringLiteral("千代田"), QStringLiteral("浪速"),   QStringLiteral("博多"),
        QStringLiteral("瀬戸内"), QStringLiteral("信州"),   QStringLiteral("ひかり"), QStringLiteral("日本橋")
    };
    static const QStringList second { QStringLiteral("テクノロジー"),   QStringLiteral("ソリューションズ"),
                                      QStringLiteral("商事"),           QStringLiteral("物流"),
                                      QStringLiteral("製作所"),         QStringLiteral("システムズ"),
                                      QStringLiteral("ネットワークス"), QStringLiteral("デザイン"),
                                      QStringLiteral("電機"),           QStringLiteral("建設"),
                                      QStringLiteral("フーズ"),         QStringLiteral("薬品"),
                                      QStringLiteral("不動産"),         QStringLiteral("工業"),
                                      QStringLiteral("データ"),         QStringLiteral("ホールディングス") };
    const QString core = random.pick(first) + random.pick(second);
    return random.chance(0.5) ? QStringLiteral("株式会社") + core : core + QStringLiteral("株式会社");
}

const QStringList& DemoNames::englishOwners()
{
    static const QStringList owners { QStringLiteral("Alice Morgan"), QStringLiteral("Ben Carter"),
                                      QStringLiteral("Chloe Nguyen"), QStringLiteral("Diego Ramos"),
                                      QStringLiteral("Emma Fischer"), QStringLiteral("Farah Khan") };
    return owners;
}

const QStringList& DemoNames::japaneseOwners()
{
    static const QStringList owners { QStringLiteral("佐藤 花子"), QStringLiteral("鈴木 健太"),
                                      QStringLiteral("高橋 美咲"), QStringLiteral("田中 翔") };
    return owners;
}

const QStringList& DemoNames::industries()
{
    static const QStringList industries { QStringLiteral("FinTech"),       QStringLiteral("HealthTech"),
                                          QStringLiteral("EdTech"),        QStringLiteral("Retail"),
                                          QStringLiteral("Manufacturing"), QStringLiteral("Logistics"),
                                          QStringLiteral("Media"),         QStringLiteral("DevTools") };
    return industries;
}

} // namespace tenure
