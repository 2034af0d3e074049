/** The text printed by `npm run --silent study -- --help`. */
export const USAGE = `Usage: npm run --silent study -- (--returns FILE.csv | --prices FILE.csv) --market COLUMN
         (--event-date YYYY-MM-DD | --event ID | --events EVENTS.csv) [options]

Runs an event study without the browser and prints the result as JSON (default) or CSV.

Input (one of):
  --returns FILE.csv      a "date" column (YYYY-MM-DD, ascending) and one column of returns per series;
                          an empty cell or NA is a missing value (never filled)
  --prices FILE.csv       the same layout holding adjusted prices; returns are computed from them
  --percent               the --returns file holds per cent (-5.21 for -5.21 %), not fractions
  Each security keeps its own calendar: its trading days are the rows where it has a value, plus
  the days its benchmark has a value (on weekdays the security trades) between its first and last
  value, where a blank is a missing day. Other rows (another market's days) are not its days.

Study:
  --market COLUMN         the market (benchmark) column; with --events, for rows naming none
  --securities A,B        security columns (default: every column except date and the market)
  --model NAME            market (default) | market-adjusted | mean-adjusted
  --factors FILE.csv      a "date" column and one column per factor (e.g. SMB,HML), added to the
                          market model as regressors; every estimation and event day needs a row
  --returns-kind KIND     simple (default) | log: the returns computed from --prices, or the kind
                          the --returns file holds (used to compound the buy-and-hold return)
  --event-date DATE       day 0 of every security: that date's session or the next
  --event ID              an event of data/events.json (e.g. us-election-2024): day 0 is the first
                          session of each security's exchange closing after it, as in the dashboard,
                          and the CSV files carry its id in event_id
  --events EVENTS.csv     one study unit per row, each on its own day 0, pooled in event time:
                          security,date[,time,zone,event,benchmark] (see README); a bad row is
                          reported with its line and the others still run (exit status 1)
  --estimation A:B        estimation window (default -250:-11)
  --gap A:B               days left out between estimation and event windows (default: none)
  --window A:B            event window (default -5:10)
  --car-windows A:B,C:D   CAR windows to test (default 0:0,0:1,-1:1 where they fit, and the whole
                          event window)
                          A and B are trading-day offsets from day 0 (-250, 0, +10) or, without
                          --events, dates (2024-10-29) on the first security's calendar
  --min-estimation-days N fewest usable estimation days per security (default 30), never below what
                          the model needs (3 for the market model, 2 for the adjusted models)

Output:
  --format FORMAT         json (default: the numbers, every test, lost days, and "summary", the
                          answer as the dashboard states it) | csv (one row per security and event
                          day, the file of the dashboard's "Download CSV") | portfolio-csv (AAR, CAAR
                          and every test per day and per CAR window)
  --out FILE              write to FILE instead of stdout
  --help                  print this help

Lost days (a day of a window without a return of the security, its benchmark or a factor) are
listed per security in the JSON and the CSV (days_in_window vs window_length, lost_days) and on
stderr, one line per security; other warnings (a scale that looks like per cent) go there too.

Exit status: 0 on success (warnings on stderr), 1 when the data or the study cannot be used or an
--events row failed, 2 for a wrong command line; each reason is a line on stderr.

Examples:
  npm run --silent study -- --returns returns.csv --market SYN_MKT --securities SYN_A,SYN_B \\
    --event-date 2024-11-06 --estimation -130:-11 --gap -10:-6 --window -5:5
  npm run --silent study -- --returns indices.csv --percent --market WORLD --events events.csv \\
    --model mean-adjusted --estimation -30:-11 --window -10:10 --min-estimation-days 20
`;
