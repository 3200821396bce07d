"""Japanese for the command lines: tenure-cli's commands, messages and help, and the window's own
options (tenure --help). fill-ja.py merges it into its table. Command, option and value names
(init, --db, accounts, on|off...) stay as they are typed."""

JA_CLI = {
    # tenure-cli itself
    "Usage: tenure-cli [--db PATH] [--language en|ja] COMMAND [options]":
        "使い方: tenure-cli [--db PATH] [--language en|ja] COMMAND [オプション]",
    "Global options:": "共通オプション:",
    "Workspace file or team workspace (default: %1)": "ワークスペースファイルまたはチームワークスペース (既定: %1)",
    "en or ja: messages and reports (default: the ui/language setting, else the system's)":
        "en または ja: メッセージとレポートの言語 (既定: ui/language の設定、なければシステムの言語)",
    "Print the version and exit": "バージョンを表示して終了",
    "Show this help; COMMAND --help shows a command's options": "このヘルプを表示 (COMMAND --help でコマンドのオプションを表示)",
    "Commands:": "コマンド:",
    "tenure-cli: --language expects %1, got \"%2\"": "tenure-cli: --language には %1 を指定してください (指定: 「%2」)",
    "tenure-cli: unknown or incomplete option %1": "tenure-cli: 不明または不完全なオプション %1",
    "tenure-cli: unknown command \"%1\"": "tenure-cli: 不明なコマンド \"%1\"",
    # every command
    "Show this help.": "このヘルプを表示します。",
    "Usage: tenure-cli %1 [options]%2": "使い方: tenure-cli %1 [オプション]%2",
    "Options:": "オプション:", "Arguments:": "引数:",
    "tenure-cli %1: %2": "tenure-cli %1: %2",
    "tenure-cli %1: works on workspace files only for now; on a team workspace, run it on a file and move that in with tenure-cli team push (see docs/team.md)":
        "tenure-cli %1: 現在はワークスペースファイルでのみ使えます。チームワークスペースでは、ファイルで実行してから tenure-cli team push で移してください (docs/team.md を参照)",
    "Into the team workspace %1: %2.": "チームワークスペース %1 へ: %2。",
    "nothing new": "新しいデータなし",
    "no temporary folder to stage the team's data in: %1": "チームのデータを準備する一時フォルダーがありません: %1",
    "tenure-cli %1: unexpected argument \"%2\" (see tenure-cli %1 --help)":
        "tenure-cli %1: 想定外の引数 \"%2\" (tenure-cli %1 --help を参照)",
    # Value names (<file>, <YYYY-MM-DD>) are not translated: they are syntax, written in the code
    # as typed (Command::addOptions).
    # actions
    "The action queue: list, show ID, done ID, snooze ID --until DATE, reassign ID --to NAME, note ID TEXT, account-note ACCOUNT_ID TEXT, rules [--set FILE].":
        "アクションキュー: list、show ID、done ID、snooze ID --until DATE、reassign ID --to NAME、note ID TEXT、account-note ACCOUNT_ID TEXT、rules [--set FILE]。",
    "list (default), show, done, snooze, reassign, note, account-note, rules":
        "list (既定)、show、done、snooze、reassign、note、account-note、rules",
    "list: only this owner's actions.": "list: この担当者のアクションだけ。",
    "ID": "ID", "Account · owner": "顧客 · 担当者", "Trigger: why": "きっかけ: 理由",
    "list: include snoozed actions.": "list: スヌーズ中のアクションも含める。",
    "list: one JSON array.": "list: 1 つの JSON 配列で出力。",
    "snooze: until this day.": "snooze: この日まで。",
    "reassign: the new owner.": "reassign: 新しい担当者。",
    "done, snooze: a note for the history.": "done、snooze: 履歴に残すメモ。",
    "Who does it (default: $USER).": "操作する人 (既定: $USER)。",
    "rules: replace the triggers and weights with this JSON file.": "rules: トリガーと重みをこの JSON ファイルで置き換える。",
    "tenure-cli actions: %1": "tenure-cli actions: %1",
    "unknown action \"%1\"; expected list, show, done, snooze, reassign, note, account-note or rules":
        "不明な操作 \"%1\"。list、show、done、snooze、reassign、note、account-note、rules のいずれかを指定してください",
    "unexpected argument \"%1\" after %2": "%2 の後に想定外の引数 \"%1\"",
    "tenure-cli actions: %1 is not a member of this team workspace: ask an admin to add you (tenure-cli team add-member).":
        "tenure-cli actions: %1 はこのチームワークスペースのメンバーではありません。管理者に追加を依頼してください (tenure-cli team add-member)。",
    "No open actions.": "未対応のアクションはありません。",
    " · snoozed until %1": " · %1 までスヌーズ",
    " · last changed by %1, %2": " · 最終変更: %1、%2",
    "Action rules saved; they apply from the next scoring pass.": "アクションルールを保存しました。次回のスコアリングから適用されます。",
    "expected account-note ACCOUNT_ID TEXT": "account-note ACCOUNT_ID TEXT の形で指定してください",
    "Note added to %1.": "%1 にメモを追加しました。",
    "%1 expects an action id (see tenure-cli actions list)": "%1 にはアクション ID を指定してください (tenure-cli actions list を参照)",
    "Action %1: %2 (%3), %4, priority %5, owner %6": "アクション %1: %2 (%3)、%4、優先度 %5、担当 %6",
    "Action %1 done.": "アクション %1 を完了にしました。",
    "snooze expects --until YYYY-MM-DD": "snooze には --until YYYY-MM-DD を指定してください",
    "Action %1 snoozed until %2.": "アクション %1 を %2 までスヌーズしました。",
    "reassign expects --to NAME": "reassign には --to NAME を指定してください",
    "Action %1 now belongs to %2.": "アクション %1 の担当を %2 に変更しました。",
    "expected note ID TEXT": "note ID TEXT の形で指定してください",
    "Note added to action %1.": "アクション %1 にメモを追加しました。",
    "unknown action \"%1\"": "不明なアクション \"%1\"",
    # the window's options (tenure --help)
    "Tenure: customer health, stages and action queues.": "Tenure: 顧客の健全性、ステージ、アクションキュー。",
    "Workspace file, or team workspace (postgresql:// URL or .tenure-team file) (default: %1).": "ワークスペースファイル、またはチームワークスペース (postgresql:// の URL か .tenure-team ファイル) (既定: %1)。",
    "Open the demo workspace, creating it first if needed (at --db, or %1).":
        "デモワークスペースを開きます (必要なら先に作成。場所は --db、または %1)。",
    "Render the window to a PNG file once the workspace is loaded and scored, then exit.":
        "ワークスペースを読み込んでスコアリングした後、ウィンドウを PNG ファイルに書き出して終了します。",
    "The language of the window: en or ja (default: the ui/language setting, else the system's).":
        "ウィンドウの言語: en または ja (既定: ui/language の設定、なければシステムの言語)。",
    "Print start-up times and peak memory, then quit (for bench_startup).":
        "起動時間と最大メモリを表示して終了します (bench_startup 用)。",
    "The view to open: overview, customers, actions, customer (the customer page, with the customers opened last), rules, tuning, datasources or customer:ACCOUNT_ID.":
        "開くビュー: overview、customers、actions、customer (最後に開いた顧客の顧客ページ)、rules、tuning、datasources、customer:ACCOUNT_ID。",
    "--view: expected overview, customers, actions, customer, rules, tuning, datasources or customer:ACCOUNT_ID, got \"%1\"\n":
        "--view: overview、customers、actions、customer、rules、tuning、datasources、customer:ACCOUNT_ID のいずれかを指定してください (指定: 「%1」)\n",
    # backtest
    "Replay history: score each account as of DAYS before what happened and measure how well stage, score and band foretold churn.":
        "履歴の再生: 各顧客を結果の DAYS 日前の時点でスコアリングし、ステージ・スコア・バンドがどれだけ解約を予測できたかを測ります。",
    "Score each case this many days before its outcome (default: 90).": "各ケースを結果のこの日数前でスコアリングします (既定: 90)。",
    "Backtest the rule set in this JSON file instead of the active one.": "有効なルールの代わりに、この JSON ファイルのルールセットをバックテストします。",
    "Print one JSON object instead of tables.": "表の代わりに 1 つの JSON オブジェクトを出力します。",
    "tenure-cli backtest: %1": "tenure-cli backtest: %1",
    "tenure-cli backtest: cannot read %1: %2": "tenure-cli backtest: %1 を読み込めません: %2",
    "tenure-cli backtest: %1: %2": "tenure-cli backtest: %1: %2",
    "Backtest of \"%1\", %2 days ahead, as of %3": "\"%1\" のバックテスト (%2 日前、%3 時点)",
    "Cases: %1 (%2 from outcomes, %3 retained baseline), %4 churned; %5 outcomes skipped (no history %6 days before).":
        "ケース: %1 (結果から %2、継続ベースライン %3)、解約 %4。%5 件の結果は対象外 (%6 日前の履歴なし)。",
    "ROC AUC of the score for churn: %1 (%2 scored cases; 0.5 is chance, 1 is perfect).":
        "解約に対するスコアの ROC AUC: %1 (スコアのあるケース %2。0.5 は偶然、1 は完全)。",
    "\"%1\" as a churn flag: %2 flagged, precision %3, recall %4.": "解約の兆候としての \"%1\": 該当 %2、適合率 %3、再現率 %4。",
    "Cases": "ケース", "Churn rate [95%]": "解約率 [95%]", "Expansion": "拡大",
    "Per criterion (passes: earns at least half its points)": "基準別 (合格: 配点の半分以上を獲得)",
    "passes: %1; fails: %2; lift %3; AUC %4": "合格: %1。不合格: %2。リフト %3。AUC %4",
    "%n cases, churn %1": "%n ケース、解約 %1",
    "suggested: flag below %1 (Youden's J %2)": "提案: %1 未満で警告 (Youden の J %2)",
    "suggested: flag above %1 (Youden's J %2)": "提案: %1 超で警告 (Youden の J %2)",
    "[too few cases or churns to trust]": "[ケースか解約が少なく信頼できません]",
    # connector
    "Manage product API connectors: add FILE, list, export NAME, secret NAME.":
        "製品 API コネクタの管理: add FILE、list、export NAME、secret NAME。",
    "add, list, export or secret": "add、list、export、secret",
    "add: the connector's JSON file; export, secret: its name": "add: コネクタの JSON ファイル。export、secret: コネクタ名",
    "export: write the JSON here instead of printing it.": "export: JSON を表示せずにこのファイルに書き出す。",
    "secret: remove the stored secret.": "secret: 保存したシークレットを削除する。",
    "tenure-cli connector: expected add FILE, list, export NAME or secret NAME":
        "tenure-cli connector: add FILE、list、export NAME、secret NAME のいずれかを指定してください",
    "tenure-cli connector: unknown action \"%1\"; expected add, list, export or secret":
        "tenure-cli connector: 不明な操作 \"%1\"。add、list、export、secret のいずれかを指定してください",
    "tenure-cli connector: %1": "tenure-cli connector: %1",
    "tenure-cli connector: %1: %2": "tenure-cli connector: %1: %2",
    "Connector \"%1\" (%2) saved. Its secret, if it needs one: tenure-cli connector secret %1, or the environment variable %3.":
        "コネクタ \"%1\" (%2) を保存しました。シークレットが必要な場合: tenure-cli connector secret %1、または環境変数 %3。",
    "No connectors. Add one with: tenure-cli connector add FILE": "コネクタがありません。追加するには: tenure-cli connector add FILE",
    "interrupted run up to %1, resumes at the next pull": "%1 まで取り込んで中断。次の取り込みで再開します",
    "Secret of \"%1\" removed from the keychain.": "\"%1\" のシークレットをキーチェーンから削除しました。",
    "Secret for \"%1\" (one line, not echoed to any log): ": "\"%1\" のシークレット (1 行。ログには残りません): ",
    "tenure-cli connector: cannot read standard input": "tenure-cli connector: 標準入力を読み込めません",
    "tenure-cli connector: no secret given": "tenure-cli connector: シークレットが入力されていません",
    "Secret of \"%1\" stored in the keychain.": "\"%1\" のシークレットをキーチェーンに保存しました。",
    # demo
    "Create or fill a workspace with a demo portfolio: accounts, a year of product events, outcomes.":
        "デモのポートフォリオでワークスペースを作成または追加します: 顧客、1 年分の製品イベント、結果。",
    "Random seed; the same seed gives the same workspace.": "乱数シード。同じシードなら同じワークスペースになります。",
    "Number of accounts.": "顧客数。",
    "The demo's today (events end the day before).": "デモの「今日」(イベントはその前日まで)。",
    "The workspace time zone (default: this machine's).": "ワークスペースのタイムゾーン (既定: このマシンのもの)。",
    "tenure-cli demo: --seed expects a whole number, got \"%1\".": "tenure-cli demo: --seed には整数を指定してください (指定: 「%1」)。",
    "tenure-cli demo: --accounts expects a number from 1 to 1000000.": "tenure-cli demo: --accounts には 1 から 1000000 までの数を指定してください。",
    "tenure-cli demo: --today expects a date as YYYY-MM-DD, got \"%1\".":
        "tenure-cli demo: --today には YYYY-MM-DD 形式の日付を指定してください (指定: 「%1」)。",
    "tenure-cli demo: %1": "tenure-cli demo: %1",
    "Demo workspace %1: %2 accounts, %3 new events, %4 outcomes (%5 s).":
        "デモワークスペース %1: 顧客 %2、新しいイベント %3、結果 %4 (%5 秒)。",
    # export
    "Export the customer list (status, ARR, renewal) as CSV for spreadsheets.":
        "顧客一覧 (状態、ARR、更新日) を表計算ソフト用の CSV に書き出します。",
    "customers": "customers",
    "The CSV file to write.": "書き出す CSV ファイル。",
    "utf-8 (with a byte-order mark, the default) or cp932.": "utf-8 (BOM 付き、既定) または cp932。",
    "Only this owner's accounts.": "この担当者の顧客だけ。",
    "tenure-cli export: expected customers --csv FILE [--encoding cp932] [--owner NAME]":
        "tenure-cli export: customers --csv FILE [--encoding cp932] [--owner NAME] の形で指定してください",
    "tenure-cli export: %1": "tenure-cli export: %1",
    "Wrote %1 accounts to %2.": "%1 社を %2 に書き出しました。",
    # import
    "Import a CSV export: KIND is accounts, events, outcomes or keys (another key → account).":
        "CSV エクスポートを取り込みます: KIND は accounts、events、outcomes、keys (別のキー → 顧客) のいずれか。",
    "accounts, events, outcomes or keys": "accounts、events、outcomes、keys",
    "The CSV file.": "CSV ファイル。",
    "Column mapping (JSON) instead of the detected one.": "検出した列の対応付けの代わりに使う対応付け (JSON)。",
    "utf-8, utf-16le, utf-16be, cp932 (shift_jis), windows-1252, euc-jp (default: detected).":
        "utf-8、utf-16le、utf-16be、cp932 (shift_jis)、windows-1252、euc-jp (既定: 自動検出)。",
    "Source name (default: the file name). Re-imports of the same source add nothing twice; its mapping is kept as a preset.":
        "データソース名 (既定: ファイル名)。同じデータソースを再度取り込んでも重複は追加されません。列の対応付けはプリセットとして保存されます。",
    "For keys: what the keys are (e.g. subscription, user).": "keys の場合: キーの種類 (例: subscription、user)。",
    "Import the good rows and report the bad ones (default: any bad row aborts the import).":
        "正しい行を取り込み、不正な行を報告します (既定: 不正な行が 1 つでもあれば取り込みを中止)。",
    "Check every row and report, write nothing.": "すべての行を検査して報告し、何も書き込みません。",
    "Print the report as one JSON object.": "報告を 1 つの JSON オブジェクトで出力します。",
    "tenure-cli import: expected KIND and FILE, e.g. tenure-cli import events usage.csv":
        "tenure-cli import: KIND と FILE を指定してください (例: tenure-cli import events usage.csv)",
    "tenure-cli import: unknown kind \"%1\"; expected accounts, events, outcomes or keys":
        "tenure-cli import: 不明な種類 \"%1\"。accounts、events、outcomes、keys のいずれかを指定してください",
    "tenure-cli import: %1": "tenure-cli import: %1",
    "tenure-cli import: %1: %2": "tenure-cli import: %1: %2",
    "Dry run: %1 rows ready, %2 bad; nothing was written.": "ドライラン: 取り込める行 %1、不正な行 %2。何も書き込んでいません。",
    # init
    "Create an empty workspace, or upgrade an existing one.": "空のワークスペースを作成するか、既存のものをアップグレードします。",
    "IANA time zone whose calendar days the rules count in (default: this machine's).":
        "ルールが日付を数える IANA タイムゾーン (既定: このマシンのもの)。",
    "tenure-cli init: %1": "tenure-cli init: %1",
    "Workspace %1 is ready (schema %2, time zone %3).": "ワークスペース %1 は準備できています (スキーマ %2、タイムゾーン %3)。",
    "Created workspace %1 (schema %2, time zone %3).": "ワークスペース %1 を作成しました (スキーマ %2、タイムゾーン %3)。",
    # pull
    "Pull new events from the product API connectors (all, or the one named).":
        "製品 API コネクタから新しいイベントを取り込みます (すべて、または指定したもの)。",
    "The connector to pull (default: all).": "取り込むコネクタ (既定: すべて)。",
    "tenure-cli pull: %1": "tenure-cli pull: %1",
    "No connectors to pull. Add one with: tenure-cli connector add FILE":
        "取り込むコネクタがありません。追加するには: tenure-cli connector add FILE",
    "tenure-cli pull: %1: %2": "tenure-cli pull: %1: %2",
    "no secret stored; run tenure-cli connector secret %1 or set %2":
        "シークレットが保存されていません。tenure-cli connector secret %1 を実行するか %2 を設定してください",
    "%1 events read": "%1 件のイベントを読み込み",
    "%1 new events, %2 already there": "新しいイベント %1 件、既存 %2 件",
    "%1 pages, %2 records: %3, %4 rejected, %5 retries%6 (%7 s).": "%1 ページ、%2 レコード: %3、却下 %4、再試行 %5%6 (%7 秒)。",
    ", resumed an interrupted run": "、中断した取り込みを再開",
    # report
    "Write an account report (ACCOUNT_ID) or a portfolio report (--portfolio) as PDF.":
        "顧客レポート (ACCOUNT_ID) またはポートフォリオレポート (--portfolio) を PDF で書き出します。",
    "The account to report on.": "レポートする顧客。",
    "A portfolio report of every account (or one owner's).": "全顧客 (または 1 人の担当者の顧客) のポートフォリオレポート。",
    "With --portfolio: only this owner's accounts.": "--portfolio と併用: この担当者の顧客だけ。",
    "The PDF file to write.": "書き出す PDF ファイル。",
    "a4 or letter (default: by the locale).": "a4 または letter (既定: ロケールによる)。",
    "The report's day (default: today).": "レポートの基準日 (既定: 今日)。",
    "tenure-cli report: expected ACCOUNT_ID --pdf FILE, or --portfolio [--owner NAME] --pdf FILE":
        "tenure-cli report: ACCOUNT_ID --pdf FILE、または --portfolio [--owner NAME] --pdf FILE の形で指定してください",
    "tenure-cli report: --page-size expects a4 or letter, got \"%1\"":
        "tenure-cli report: --page-size には a4 または letter を指定してください (指定: 「%1」)",
    "tenure-cli report: --as-of expects YYYY-MM-DD": "tenure-cli report: --as-of には YYYY-MM-DD を指定してください",
    "tenure-cli report: %1": "tenure-cli report: %1",
    "tenure-cli report: no accounts%1": "tenure-cli report: 顧客がいません%1",
    " owned by \"%1\"": " (担当: \"%1\")",
    # score
    "Score the accounts: fold new events into stages, health scores and history (incremental).":
        "顧客をスコアリングします: 新しいイベントをステージ、健全性スコア、履歴に反映 (差分)。",
    "Rebuild every summary from the event log instead.": "代わりにすべての集計をイベントログから再構築します。",
    "Score as of the end of this day (default: today).": "この日の終わり時点でスコアリングします (既定: 今日)。",
    "tenure-cli score: --as-of expects a date as YYYY-MM-DD, got \"%1\".":
        "tenure-cli score: --as-of には YYYY-MM-DD 形式の日付を指定してください (指定: 「%1」)。",
    "tenure-cli score: %1": "tenure-cli score: %1",
    "tenure-cli score: the action queue: %1": "tenure-cli score: アクションキュー: %1",
    "Action queue: %1 open (%2 new, %3 cleared, %4 back from snooze).":
        "アクションキュー: 未対応 %1 (新規 %2、解消 %3、スヌーズから復帰 %4)。",
    "%1 as of %2 with rules v%3: %4 events folded in, %5 accounts scored, %6 history rows (%7 s).":
        "%1 (%2 時点、ルール v%3): 反映したイベント %4、スコアリングした顧客 %5、履歴 %6 行 (%7 秒)。",
    "Scored": "スコアリング完了",
    "tenure-cli score: the team's engine runs elsewhere (%1); it scores after every pull and on each day change, and every desktop sees its results.":
        "tenure-cli score: チームのエンジンは別の場所で動いています (%1)。取り込みのたびと日付が変わるたびにスコアリングし、結果はすべてのデスクトップに表示されます。",
    "Total": "合計",
    # serve
    "Be the team workspace's engine: score after every pull, change and day; stop on SIGTERM.":
        "チームワークスペースのエンジンとして動作します: 取り込み・変更・日付変更のたびにスコアリングし、SIGTERM で停止します。",
    "The engine's working copy of the team's log (default: in the cache folder).": "エンジンが使うチームのログの作業コピー (既定: キャッシュフォルダー内)。",
    "Score at least every N minutes (default 5).": "少なくとも N 分ごとにスコアリングします (既定 5)。",
    "While another process is the engine, try to take over every N seconds (default 15).":
        "別のプロセスがエンジンの間、N 秒ごとに引き継ぎを試みます (既定 15)。",
    "tenure-cli serve: --db must name a team workspace (postgresql://… or a .tenure-team file); a workspace file is scored by the app that opens it":
        "tenure-cli serve: --db にはチームワークスペース (postgresql://… または .tenure-team ファイル) を指定してください。ワークスペースファイルは開いたアプリがスコアリングします",
    "tenure-cli serve: %1": "tenure-cli serve: %1",
    "tenure-cli serve: cannot set up signal handling": "tenure-cli serve: シグナル処理を設定できません",
    "Stopping: the engine lock is released for the next engine.": "停止します: 次のエンジンのためにエンジンのロックを解放しました。",
    # stats (labels padded to one column in a terminal: a full-width character takes two)
    "Count the accounts, events, outcomes and sources of a workspace.": "ワークスペースの顧客、イベント、結果、データソースを数えます。",
    "Print one JSON object instead of a table.": "表の代わりに 1 つの JSON オブジェクトを出力します。",
    "tenure-cli stats: %1": "tenure-cli stats: %1",
    "Workspace  %1": "ワークスペース  %1",
    "Schema     %1": "スキーマ        %1",
    "Time zone  %1": "タイムゾーン    %1",
    "Accounts   %1": "顧客            %1",
    "Events     %1": "イベント        %1",
    "Outcomes   %1": "結果            %1",
    "Sources    %1": "データソース    %1",
    "Visible    %1": "表示範囲        %1",
    "every account (own-accounts-only off)": "すべての顧客 (own-accounts-only off)",
    "every account (own-accounts-only on; admins see all)": "すべての顧客 (own-accounts-only on。管理者はすべて表示)",
    "your own accounts only (own-accounts-only on)": "自分が担当する顧客のみ (own-accounts-only on)",
    # team
    "Team workspaces on PostgreSQL: init URL, upgrade URL, add-member LOGIN, list, remove LOGIN, push --from FILE URL, set own-accounts-only on|off URL.":
        "PostgreSQL 上のチームワークスペース: init URL、upgrade URL、add-member LOGIN、list、remove LOGIN、push --from FILE URL、set own-accounts-only on|off URL。",
    "init, upgrade, add-member, list, remove, push or set": "init、upgrade、add-member、list、remove、push、set",
    "init, upgrade, push: the team workspace (postgresql://user@host:port/db or a .tenure-team file; or --db); add-member, remove: the login; set: own-accounts-only on|off, then the team workspace":
        "init、upgrade、push: チームワークスペース (postgresql://user@host:port/db または .tenure-team ファイル、または --db)。add-member、remove: ログイン名。set: own-accounts-only on|off の後にチームワークスペース",
    "init: the team's time zone (default: this machine's).": "init: チームのタイムゾーン (既定: このマシンのもの)。",
    "add-member: the member's display name, as accounts name their owner.": "add-member: メンバーの表示名 (顧客の担当者名と同じもの)。",
    "add-member: admin, csm or ingest.": "add-member: admin、csm、ingest のいずれか。",
    "add-member: read the member's password from standard input (one line; it is sent only as a SCRAM verifier).":
        "add-member: メンバーのパスワードを標準入力から読み込みます (1 行。SCRAM の検証子としてのみ送信)。",
    "push: the workspace file to move in.": "push: 移すワークスペースファイル。",
    "init: also write a .tenure-team file for the team's desktops.": "init: チームのデスクトップ用に .tenure-team ファイルも書き出します。",
    "tenure-cli team: expected init URL, upgrade URL, add-member LOGIN --name NAME --role ROLE, list, remove LOGIN, push --from FILE URL or set own-accounts-only on|off URL":
        "tenure-cli team: init URL、upgrade URL、add-member LOGIN --name NAME --role ROLE、list、remove LOGIN、push --from FILE URL、set own-accounts-only on|off URL のいずれかを指定してください",
    "tenure-cli team %1: expected the member's login": "tenure-cli team %1: メンバーのログイン名を指定してください",
    "tenure-cli team set: expected own-accounts-only on|off and the team workspace":
        "tenure-cli team set: own-accounts-only on|off とチームワークスペースを指定してください",
    "tenure-cli team %1: name the team workspace as postgresql://user@host:port/database or a .tenure-team file (positional or --db)":
        "tenure-cli team %1: チームワークスペースを postgresql://user@host:port/database または .tenure-team ファイルで指定してください (引数または --db)",
    "tenure-cli team: %1": "tenure-cli team: %1",
    "tenure-cli team remove: %1": "tenure-cli team remove: %1",
    "Removed %1 from the team (the login stays; drop it with DROP ROLE if it has no other use).":
        "%1 をチームから外しました (ログインは残ります。ほかに使わないなら DROP ROLE で削除してください)。",
    "tenure-cli team init: %1": "tenure-cli team init: %1",
    "Team workspace %1 is ready (schema %2). Add members with: tenure-cli team add-member LOGIN --name NAME --role admin|csm|ingest --password-stdin --db %3":
        "チームワークスペース %1 の準備ができました (スキーマ %2)。メンバーの追加: tenure-cli team add-member LOGIN --name NAME --role admin|csm|ingest --password-stdin --db %3",
    "Wrote %1: open it in Tenure or pass it as --db.": "%1 を書き出しました。Tenure で開くか、--db に指定してください。",
    "tenure-cli team add-member: expected --name NAME and --role admin|csm|ingest":
        "tenure-cli team add-member: --name NAME と --role admin|csm|ingest を指定してください",
    "tenure-cli team add-member: --password-stdin read no password": "tenure-cli team add-member: --password-stdin でパスワードを読み込めませんでした",
    "tenure-cli team add-member: %1": "tenure-cli team add-member: %1",
    "%1 (%2) is a member with role %3.": "%1 (%2) はロール %3 のメンバーです。",
    "tenure-cli team list: %1": "tenure-cli team list: %1",
    "Login": "ログイン", "Role": "ロール",
    "own-accounts-only: on (each CSM sees only the accounts they own)": "own-accounts-only: on (各 CSM は自分が担当する顧客だけを表示)",
    "own-accounts-only: off (every member sees every account)": "own-accounts-only: off (全メンバーがすべての顧客を表示)",
    "tenure-cli team upgrade: %1": "tenure-cli team upgrade: %1",
    "Team workspace %1 upgraded from schema %2 to %3.": "チームワークスペース %1 をスキーマ %2 から %3 にアップグレードしました。",
    "tenure-cli team set: %1": "tenure-cli team set: %1",
    "own-accounts-only is on: each CSM of %1 now sees only the accounts they own (admins, the engine and the ingest role see every account).":
        "own-accounts-only を on にしました: %1 の各 CSM は自分が担当する顧客だけを表示します (管理者、エンジン、ingest ロールはすべての顧客を表示)。",
    "own-accounts-only is off: every member of %1 sees every account.": "own-accounts-only を off にしました: %1 の全メンバーがすべての顧客を表示します。",
    "tenure-cli team push: expected --from FILE, the workspace file to move in": "tenure-cli team push: 移すワークスペースファイルを --from FILE で指定してください",
    "tenure-cli team push: %1": "tenure-cli team push: %1",
    "Table": "テーブル", "In the file": "ファイル内", "Added": "追加",
    "Note: %1": "注: %1",
    "Pushed %1 into %2: %3 rows added.": "%1 を %2 に移しました: %3 行を追加。",
    "Note: no password was given (--password-stdin): %1 signs in with the password its login had already, if any, or by the server's other means (pg_hba.conf); a login without either cannot sign in.":
        "注: パスワードが指定されていません(--password-stdin)。%1 はログインに既にあるパスワード、またはサーバーの他の認証方法(pg_hba.conf)でサインインします。どちらもないログインはサインインできません。",
    "The team workspace %1 has no connectors to pull: an admin adds them to a workspace file (tenure-cli connector add) and moves them in with tenure-cli team push (docs/team.md).":
        "チームワークスペース %1 には取り込むコネクタがありません。管理者がワークスペースファイルに追加し(tenure-cli connector add)、tenure-cli team push で移します(docs/team.md を参照)。",
    "%1 is neither a member of the team workspace %2 nor its owner: the team's engine signs in as an admin (docs/team.md, The one engine).":
        "%1 はチームワークスペース %2 のメンバーでも所有者でもありません。チームのエンジンは管理者としてサインインします(docs/team.md の「The one engine」を参照)。",
    "Stopping: this process stood by; the engine runs elsewhere.": "停止します: このプロセスは待機していただけで、エンジンは別の場所で動いています。",
    "Action rules saved to the team workspace; the team's engine applies them from its next pass.":
        "アクションルールをチームワークスペースに保存しました。チームのエンジンが次回のパスから適用します。",
    "Cannot save the action rules to the team workspace: %1": "アクションルールをチームワークスペースに保存できません: %1",
    "tenure-cli score: %1…": "tenure-cli score: %1…",
}
