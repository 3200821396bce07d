#!/usr/bin/env python3
"""Fills tenure_ja.ts with the Japanese translations below (by source text, in any context).
Run after `lupdate -locations none -no-obsolete ui app core -ts resources/translations/tenure_ja.ts`;
strings without an entry stay unfinished and show in English."""
import sys
import xml.etree.ElementTree as ET

JA = {
    # Main window, navigation and menus
    "Tenure": "Tenure",
    "Overview": "概要", "Customers": "顧客", "Action queue": "アクション", "Customer": "顧客", "Customer page": "顧客ページ",
    "Action queue (%1)": "アクション (%1)",
    "&File": "ファイル(&F)", "&New Workspace…": "新しいワークスペース(&N)…", "&Open Workspace…": "ワークスペースを開く(&O)…",
    "Open &Demo Workspace": "デモワークスペースを開く(&D)", "&Import CSV…": "CSV をインポート(&I)…",
    "&Export Customers as CSV…": "顧客一覧を CSV で書き出す(&E)…",
    "Print &Account Report…": "顧客レポートを印刷(&A)…", "Print &Portfolio Report…": "ポートフォリオレポートを印刷(&P)…",
    "Export Account Report as P&DF…": "顧客レポートを PDF で書き出す(&D)…",
    "Export Portfolio Report as PD&F…": "ポートフォリオレポートを PDF で書き出す(&F)…",
    "&Quit": "終了(&Q)", "&Workspace": "ワークスペース(&W)", "&Score Now": "今すぐスコアリング(&S)",
    "&Rebuild Summaries from the Log": "ログから集計を再構築(&R)", "&Connectors…": "コネクタ(&C)…",
    "&Pull from Connectors Now": "コネクタから今すぐ取り込む(&P)", "&View": "表示(&V)", "&Overview": "概要(&O)",
    "&Customers": "顧客(&C)", "&Action Queue": "アクション(&A)", "Customer &Page": "顧客ページ(&P)",
    "&Help": "ヘルプ(&H)", "&About Tenure": "Tenure について(&A)", "About &Qt": "Qt について(&Q)",
    "%1 — Tenure": "%1 — Tenure", "Opening…": "開いています…", "Creating the demo workspace…": "デモワークスペースを作成しています…",
    "Cancel": "キャンセル", "Demo workspace": "デモワークスペース", "New Workspace": "新しいワークスペース",
    "Open Workspace": "ワークスペースを開く", "1 source": "データソース 1 件", "%1 sources": "データソース %1 件",
    "%1 accounts · %2 events · %3": "顧客 %1 社 · イベント %2 件 · %3",
    "Scored as of %1 · %2": "%1 時点のスコア · %2", "Scoring failed": "スコアリングに失敗しました", "Scoring…": "スコアリング中…",
    "Pulling %1: page %2, %3 new": "%1 を取り込み中: %2 ページ目、新規 %3 件", "Pulled %1: %2 new events": "%1 を取り込みました: 新規イベント %2 件",
    "Pull failed": "取り込みに失敗しました", "Pull of %1 failed": "%1 の取り込みに失敗しました", "Pulling…": "取り込み中…",
    "Rebuilding summaries…": "集計を再構築しています…", "No workspace open": "ワークスペースが開かれていません",
    "Tenure workspaces (*.tenure);;All files (*)": "Tenure ワークスペース (*.tenure);;すべてのファイル (*)",
    # Workspace summary and first run
    "Opening workspace…": "ワークスペースを開いています…", "Cannot open %1": "%1 を開けません",
    "<table cellspacing='6'><tr><td>File</td><td>%1</td></tr><tr><td>Accounts</td><td><b>%2</b></td></tr><tr><td>Events</td><td><b>%3</b></td></tr><tr><td>Outcomes</td><td>%4</td></tr><tr><td>Sources</td><td>%5</td></tr><tr><td>Time zone</td><td>%6</td></tr></table>":
        "<table cellspacing='6'><tr><td>ファイル</td><td>%1</td></tr><tr><td>顧客</td><td><b>%2</b></td></tr><tr><td>イベント</td><td><b>%3</b></td></tr><tr><td>結果</td><td>%4</td></tr><tr><td>データソース</td><td>%5</td></tr><tr><td>タイムゾーン</td><td>%6</td></tr></table>",
    "Welcome to Tenure": "Tenure へようこそ",
    "Explore the demo workspace": "デモワークスペースを見る",
    "A sample portfolio of 300 customers with a year of product usage.": "300 社の顧客と 1 年分の利用データのサンプルです。",
    "Start an empty workspace": "空のワークスペースで始める",
    "Then import your CRM and usage exports.": "CRM と利用状況のエクスポートを取り込んで始めます。",
    "Open an existing workspace…": "既存のワークスペースを開く…",
    "A .tenure file from a colleague or a backup.": "同僚から受け取った、またはバックアップの .tenure ファイル。",
    # Customer list
    "Search by name or id": "顧客名または ID で検索", "any time": "指定なし", " days": " 日", "renewal within ": "更新まで ",
    "All stages": "すべてのステージ", "All bands": "すべての評価", "All owners": "すべての担当者", "No score": "スコアなし",
    "%1 customers (the first %2 shown; narrow the search to see the others)": "顧客 %1 社(先頭 %2 社を表示。絞り込むと残りも表示されます)",
    "%n customers": "顧客 %n 社",
    "%1 (%2 d)": "%1(あと %2 日)", "Owner": "担当者", "Stage": "ステージ", "Score": "スコア", "Band": "評価", "ARR": "ARR",
    "Renewal": "契約更新",
    # Action queue
    "Show snoozed": "スヌーズ中も表示", "&Done…": "完了(&D)…", "S&nooze…": "スヌーズ(&N)…", "&Reassign…": "担当変更(&R)…",
    "Add &Note…": "メモを追加(&N)…", "Done": "完了", "What was done (optional):": "実施した内容(任意):", "Snooze": "スヌーズ",
    "Back in the queue on:": "再表示する日:", "Reassign": "担当変更", "New owner:": "新しい担当者:", "Note": "メモ", "Note:": "メモ:",
    "%n actions": "アクション %n 件", "snoozed until %1": "%1 までスヌーズ", "open": "未対応", "Priority": "優先度",
    "Trigger": "きっかけ", "Why": "理由", "Status": "状態",
    "Bad band": "評価 Bad", "Renewal at risk": "更新リスク", "Inactive": "利用停止", "Score drop": "スコア低下",
    "%1 in %2": "%2 で %1", "%n days to renewal": "更新まで %n 日", "ARR %1": "ARR %1",
    "score %1%2 in %3 days": "%3 日でスコア %1%2", "No activity for %n days": "%n 日間利用なし",
    # Customer page
    "Criterion": "基準", "Observed": "実績", "Threshold": "しきい値", "Points": "得点", "When": "日時", "Event": "イベント",
    "User": "ユーザー", "Quantity": "数量", "Choose a customer in the list or the action queue.": "顧客一覧またはアクションから顧客を選んでください。",
    "<b>Why this score</b>": "<b>スコアの内訳</b>", "<b>Recent events</b>": "<b>最近のイベント</b>", "Owner: %1": "担当: %1",
    "Plan: %1": "プラン: %1", "renewal %1 (%2 days)": "更新 %1(あと %2 日)", "no score": "スコアなし", "n/a": "—",
    "<b>Open actions</b>": "<b>未対応のアクション</b>", "None.": "なし。", "<b>Outcomes</b>": "<b>結果</b>",
    "<b>Notes</b>": "<b>メモ</b>", "None yet.": "まだありません。", "Note on %1": "%1 のメモ",
    # Overview
    "Accounts by band": "評価別の顧客数", "Accounts by stage": "ステージ別の顧客数", "ARR by band": "評価別の ARR",
    "Portfolio health, last 12 months": "ポートフォリオの健全性(過去 12 か月)", "30 days ago": "30 日前", "Now": "現在",
    "Change": "変化", "<b>Biggest score drops, last 30 days</b>": "<b>過去 30 日のスコア低下が大きい顧客</b>",
    "ARR by band (%1) · at risk %2": "評価別の ARR(%1)· リスク %2",
    # Reports
    "Account Report": "顧客レポート", "Account (type to search):": "顧客(入力して検索):", "No account \"%1\".": "顧客「%1」はありません。",
    "Account report: %1": "顧客レポート: %1", "Portfolio Report": "ポートフォリオレポート", "Accounts of:": "対象の担当者:",
    "Portfolio report": "ポートフォリオレポート", "Export Account Report": "顧客レポートを書き出す", "PDF files (*.pdf)": "PDF ファイル (*.pdf)",
    "Wrote %1 (%n pages).": "%1 を書き出しました(%n ページ)。", "Export Portfolio Report": "ポートフォリオレポートを書き出す",
    "CSV, UTF-8 for Excel (*.csv)": "CSV(UTF-8、Excel 用)(*.csv)", "CSV, Shift_JIS / CP932 for Japanese Excel (*.csv)": "CSV(Shift_JIS / CP932、日本語版 Excel 用)(*.csv)",
    "Export Customers": "顧客一覧を書き出す", "Exported %1 accounts to %2.": "%1 社を %2 に書き出しました。",
    "Page %1 of %2": "%1 / %2 ページ", "Page %1": "%1 ページ", "No history yet": "履歴はまだありません",
    "Why this score": "スコアの内訳", "Stage timeline and health trend": "ステージの推移と健全性スコア", "Usage": "利用状況",
    "Last 30 days": "過去 30 日", "Last 90 days": "過去 90 日", "Events": "イベント数", "Active users": "アクティブユーザー",
    "Active days": "利用日数", "Most used in the last 90 days: %1": "過去 90 日で最も使われた機能: %1", "Open actions": "未対応のアクション",
    "Recent notes": "最近のメモ", "Outcomes": "結果", "Health": "健全性", "Stage timeline": "ステージの推移",
    "%1 · score %2": "%1 · スコア %2", "not scored yet": "未スコア", "no score in this stage": "このステージはスコアなし",
    "not set": "未設定", "%n days left": "あと %n 日", "%n days ago": "%n 日前", "The health-score engine has not scored this account yet.": "この顧客はまだスコアリングされていません。",
    "The %1 stage has no health criteria.": "%1 ステージには健全性の基準がありません。",
    "%1 · account report as of %2 · generated %3 by Tenure": "%1 · %2 時点の顧客レポート · %3 Tenure で作成",
    "Accounts by band ": "評価別の顧客数", "ARR at risk (not %1): %2": "リスクのある ARR(%1 以外): %2",
    "Portfolio report as of %1 · generated %2 by Tenure": "%1 時点のポートフォリオレポート · %2 Tenure で作成",
    "%1 · %n accounts · as of %2": "%1 · %n 社 · %2 時点", "#": "#", "Account": "顧客", "(snoozed until %1)": "(%1 までスヌーズ)",
    " (snoozed until %1)": "(%1 までスヌーズ)", "yes": "はい", "no": "いいえ",
    # Import and connectors
    "Import CSV": "CSV のインポート", "Usage events": "利用イベント", "Accounts (from the CRM)": "顧客(CRM から)",
    "Outcomes (churned, renewed, expanded, contracted)": "結果(解約・更新・拡大・縮小)",
    "Keys that map to accounts (subscriptions, users)": "顧客に対応するキー(契約、ユーザー)",
    "Choose a CSV file, or drop one here": "CSV ファイルを選ぶか、ここにドロップしてください",
    "named after the file": "ファイル名から", "Detect automatically": "自動判別", "Japanese (Shift_JIS / CP932)": "日本語 (Shift_JIS / CP932)",
    "Western (Windows-1252)": "西欧 (Windows-1252)", "optional: a JSON column mapping": "任意: 列の対応付け(JSON)",
    "Import nothing if any row is bad": "不正な行があれば何も取り込まない", "Skip bad rows and import the rest": "不正な行を飛ばして残りを取り込む",
    "&File:": "ファイル(&F):", "&Contents:": "内容(&C):", "Key &namespace:": "キーの種類(&N):", "&Source name:": "データソース名(&S):",
    "&Encoding:": "文字コード(&E):", "&Mapping:": "列の対応(&M):", "Bad rows:": "不正な行:", "Browse…": "参照…",
    "C&heck": "確認(&H)", "&Import": "インポート(&I)", "Close": "閉じる",
    "Check the file first: every bad row is listed here with its line and column.": "まずファイルを確認してください。不正な行は行番号と列とともにここに表示されます。",
    "Columns: %1": "列: %1", "Connectors": "コネクタ", "&Add from File…": "ファイルから追加(&A)…", "Set &Secret…": "シークレットを設定(&S)…",
    "&Export…": "書き出す(&E)…", "&Pull Now": "今すぐ取り込む(&P)", "Name": "名前", "Kind": "種類", "Host": "ホスト", "Schedule": "スケジュール",
    "Pulled": "取り込み済み", "Last pull": "前回の取り込み", "never pulled": "未取り込み", "on demand": "手動", "every %1 min": "%1 分ごと",
    "local file": "ローカルファイル",
    "The customer list as filtered now": "現在の絞り込みの顧客一覧", "Customer list: %1": "顧客一覧: %1",
    "renewal within %n days": "更新まで %n 日以内", ", ": "、",
    "Data sources": "データソース", "&Data Sources": "データソース(&D)", "Source": "データソース", "Events": "イベント数",
    "Details": "詳細", "CSV preset for %1": "CSV プリセット(%1)", "pulled up to %1": "%1 まで取り込み済み",
    "ARR by band: no ARR recorded": "評価別の ARR: ARR の記録なし",
    "Drop a CSV export here to import it. Connectors pull product usage on their schedule; see docs/import.md and docs/connectors.md.":
        "CSV エクスポートをここにドロップするとインポートできます。コネクタは設定した間隔で利用データを取り込みます(docs/import.md、docs/connectors.md を参照)。",
    # Rules view and editor
    "Rules": "ルール", "Tuning": "チューニング", "&Rules": "ルール(&R)", "&Tuning": "チューニング(&T)",
    "Run &Backtest": "バックテストを実行(&B)", "Ctrl+B": "Ctrl+B", "Ctrl+I": "Ctrl+I", "Ctrl+Shift+P": "Ctrl+Shift+P",
    "%1… %2%": "%1… %2%", "%1 %2": "%1 %2",
    "Band": "バンド", "Colour": "色", "From score": "下限スコア", "Bands": "バンド",
    "Best band first. A score belongs to the first band whose lowest score it reaches; the last band catches every score and starts at 0.":
        "良いバンドから順に並べます。スコアは下限に達した最初のバンドに入ります。最後のバンドは 0 から始まり、残りすべてを受けます。",
    "Empty: the stage applies to every account that reaches it (the last stage).":
        "空欄: ここまで来たすべての顧客にこのステージを適用します(最後のステージ)。",
    "A condition in the rule file's JSON form, e.g. {\"measure\": {\"kind\": \"days_since_date\", \"field\": \"signup_date\"}, \"op\": \"<=\", \"value\": 60}; combine with {\"all\": [...]} or {\"any\": [...]}.":
        "ルールファイルの JSON 形式の条件。例: {\"measure\": {\"kind\": \"days_since_date\", \"field\": \"signup_date\"}, \"op\": \"<=\", \"value\": 60}。{\"all\": [...]} や {\"any\": [...]} で組み合わせます。",
    "&Name:": "名前(&N):", "&Colour:": "色(&C):", "Applies &when:": "適用条件(&W):",
    "Stages are tried in order; the first whose condition holds is the account's stage. Its criteria make the health score.":
        "ステージは上から順に判定され、条件を満たした最初のステージが顧客のステージになります。そのステージの基準でヘルススコアを計算します。",
    "Add criterion": "基準を追加", "Remove criterion": "基準を削除", "Rule set &name:": "ルールセット名(&N):",
    "Not valid yet: %1": "まだ有効ではありません: %1",
    "Not valid yet: stages[%1].when: not a JSON object (%2 at character %3)":
        "まだ有効ではありません: stages[%1].when: JSON オブジェクトではありません(%3 文字目: %2)",
    "Events in the last 30 days": "直近 30 日のイベント数",
    "&Import…": "インポート(&I)…", "E&xport…": "エクスポート(&X)…", "Re&vert": "元に戻す(&V)",
    "&Preview Changes": "変更をプレビュー(&P)", "&Save and Rebuild": "保存して再構築(&S)",
    "Load a rule file (JSON) into the editor; nothing is saved until you save.":
        "ルールファイル(JSON)をエディタに読み込みます。保存するまで何も変わりません。",
    "Write the rules in the editor to a JSON file.": "エディタのルールを JSON ファイルに書き出します。",
    "Save as a new version; the summaries are rebuilt in the background.": "新しいバージョンとして保存し、集計をバックグラウンドで再構築します。",
    "Account": "顧客", "Stage": "ステージ", "Import Rules": "ルールをインポート", "Export Rules": "ルールをエクスポート",
    "Rule files (*.json)": "ルールファイル (*.json)",
    "<b>Active rules:</b> version %1, saved %2 by %3": "<b>有効なルール:</b> バージョン %1(%2、%3 が保存)",
    "<b>Active rules:</b> the defaults that ship with Tenure": "<b>有効なルール:</b> Tenure 標準のルール",
    "Edit a band, stage or criterion; Preview Changes shows which accounts would move.":
        "バンド・ステージ・基準を編集してください。「変更をプレビュー」でどの顧客が移動するかを確認できます。",
    "Evaluating every account with the edited rules…": "編集したルールで全顧客を評価しています…",
    "%1 → %2: %3": "%1 → %2: %3", "(no score)": "(スコアなし)",
    "With these rules, as of %1: %2 of %3 accounts would change stage and %4 would change band.%5":
        "このルールでは %1 時点で、%3 社中 %2 社のステージと %4 社のバンドが変わります。%5",
    "Saved as version %1. The summaries are being rebuilt; the views update when it is done.":
        "バージョン %1 として保存しました。集計を再構築しています。完了すると画面が更新されます。",
    "Cannot read %1: %2": "%1 を読み込めません: %2", "%1: %2": "%1: %2", "Cannot write %1: %2": "%1 に書き込めません: %2",
    "Imported %1. Preview the changes, then save to adopt it.": "%1 をインポートしました。変更をプレビューしてから保存すると採用されます。",
    "Exported the rules to %1.": "ルールを %1 に書き出しました。",
    # Criterion form
    "Divide by the account's seats": "顧客のシート数で割る",
    "Count of events in the last N days": "直近 N 日のイベント数", "Distinct active users in the last N days": "直近 N 日のアクティブユーザー数",
    "Days since the last event": "最後のイベントからの日数", "Days until an account date": "顧客の日付までの日数",
    "Days since an account date": "顧客の日付からの日数", "An account field": "顧客の項目",
    "Change of events: last N days vs the N before (%)": "イベントの増減: 直近 N 日とその前の N 日の比較 (%)",
    "Days since an outcome": "結果(解約など)からの日数",
    "any event; or names separated by commas": "すべてのイベント。またはカンマ区切りのイベント名", " days": " 日",
    "An account field, or attributes.NAME for a field the CRM export brought along": "顧客の項目。CRM エクスポートの追加項目は attributes.項目名",
    "Pass or fail: full points when the comparison holds": "合否: 比較が成り立てば満点",
    "Linear: no points at one value, full points at another": "線形: ある値で 0 点、別の値で満点",
    "Tiers: a share of the points from each value on": "段階: 値ごとに配点の割合を決める",
    "a number, true/false or a text": "数値、true/false、または文字列", "From value": "値(以上)", "Share of points (0–1)": "配点の割合 (0–1)",
    "Add tier": "段階を追加", "Remove tier": "段階を削除", "&Label:": "ラベル(&L):", "&Weight:": "重み(&W):",
    "&Measures:": "測定対象(&M):", "&Events:": "イベント(&E):", "W&indow:": "期間(&I):", "&Field:": "項目(&F):",
    "&Outcome:": "結果(&O):", "&Scoring:": "採点(&S):", "&Passes when:": "合格条件(&P):", "&No points at:": "0 点となる値(&N):",
    "F&ull points at:": "満点となる値(&U):", "&Tiers:": "段階(&T):",
    # Tuning view and charts
    "&Run Backtest": "バックテストを実行(&R)", "&Adopt Candidate…": "候補を採用(&A)…", "Reset to Active Rules": "有効なルールに戻す",
    "Figure": "指標", "Active rules": "有効なルール", "Candidate": "候補", "Criterion": "基準", "Passes": "合格",
    "Churn when passing [95%]": "合格時の解約率 [95%]", "Fails": "不合格", "Churn when failing [95%]": "不合格時の解約率 [95%]",
    "Lift": "リフト", "AUC": "AUC", "Suggested cut-off": "推奨しきい値", "Trust": "信頼性",
    "ROC: the score as a churn signal": "ROC: 解約の兆候としてのスコア", "Churn rate by band": "バンド別の解約率",
    "Scores of churned and retained (active rules)": "解約・継続顧客のスコア分布(有効なルール)",
    "%1 days before the outcome": "結果の %1 日前", "Score each case": "各ケースの評価時点",
    "Each account is scored this many days before what happened to it, from the log as it was then: no later event counts.":
        "各顧客を、結果の指定日数前の時点でログから評価します。それ以降のイベントは使いません。",
    "<b>Candidate rules</b> (a copy of the active ones: edit, then run)": "<b>候補のルール</b>(有効なルールのコピー。編集してから実行)",
    "Evidence per criterion, for": "基準ごとの根拠:",
    "Passing: the criterion earns at least half its points. Lift: churn when failing over churn when passing. The suggested cut-off maximises Youden's J (caught churners minus flagged retained). \"Too few\": fewer than 30 cases on a side or 5 churners: do not trust it yet.":
        "合格: 配点の半分以上を得た場合。リフト: 不合格時の解約率 ÷ 合格時の解約率。推奨しきい値は Youden の J(検出できた解約の割合 − 誤って検出した継続の割合)が最大になる値です。「少なすぎ」: どちらかが 30 件未満、または解約が 5 件未満で、まだ信頼できません。",
    "Summary": "要約", "Charts": "グラフ", "Per criterion": "基準別",
    "Run a backtest to see how well the rules foretold churn.": "バックテストを実行すると、ルールが解約をどれだけ予測できたかがわかります。",
    "The candidate rules are not valid: %1": "候補のルールが有効ではありません: %1", "Replaying history…": "履歴を再生しています…",
    "%1 cases (%2 from outcomes, %3 retained accounts as of %4 days ago), %5 churned within %4 days. 0.5 AUC is chance, 1 is perfect.":
        "%1 件(結果から %2 件、%4 日前時点の継続顧客 %3 件)、うち %4 日以内の解約 %5 件。AUC 0.5 は偶然、1 は完全な予測です。",
    "ROC AUC of the score for churn": "解約に対するスコアの ROC AUC", "Cases with a score": "スコアのあるケース",
    "\"%1\" as a churn flag: precision": "「%1」を解約の兆候とした場合の適合率", "\"%1\" as a churn flag: recall": "「%1」を解約の兆候とした場合の再現率",
    "%1: churn rate [95%]": "%1: 解約率 [95%]", "%1 of %2": "%2 件中 %1", "%1: expansion rate": "%1: 拡大率",
    "Stage %1: churn rate [95%]": "ステージ %1: 解約率 [95%]", "Scoring: %1": "採点: %1",
    "below %1 (J %2)": "%1 未満 (J %2)", "above %1 (J %2)": "%1 超 (J %2)", "Too few": "少なすぎ", "OK": "OK",
    "The candidate is now the active rules (version %1); the summaries are being rebuilt.":
        "候補が有効なルールになりました(バージョン %1)。集計を再構築しています。",
    "Retained flagged": "誤検出した継続顧客", "Churned flagged": "検出した解約顧客", "Chance": "偶然",
    "%1 (AUC %2)": "%1 (AUC %2)", "Churned": "解約", "Churned (%1)": "解約 (%1)", "Retained (%1)": "継続 (%1)",
    "Score": "スコア", "Share of group": "グループ内の割合",
}

def main(path):
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.find("source").text or ""
        if source not in JA:
            continue
        translation = message.find("translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for child in list(translation):
                translation.remove(child)
            form = ET.SubElement(translation, "numerusform")
            form.text = JA[source]
        else:
            translation.text = JA[source]
        filled += 1
    tree.getroot().set("language", "ja_JP")
    tree.getroot().set("sourcelanguage", "en")
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace("?>", "?>\n<!DOCTYPE TS>", 1))
    print(f"{filled} messages translated")

main(sys.argv[1] if len(sys.argv) > 1 else "resources/translations/tenure_ja.ts")
