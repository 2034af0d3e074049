/** The text printed by `npm run --silent study -- --help`. */
export const USAGE = `Usage: npm run --silent study -- (--returns FILE.csv | --prices FILE.csv) --market COLUMN
         (--event-date YYYY-MM-DD | --event ID) [options]

Runs an event study without the browser and prints the result as JSON (default) or CSV.

Input (one of):
  --returns FILE.csv      a "date" column (YYYY-MM-DD, ascending) and one column of returns per series;
                          an empty cell or NA is a missing day (never filled)
  --prices FILE.csv       the same layout holding adjusted prices; returns are computed from them

Study:
  --market COLUMN         the market (benchmark) column
  --securities A,B        security columns (default: every column except date and the market)
  --model NAME            market (default) | market-adjusted | mean-adjusted
  --returns-kind KIND     simple (default) | log: the returns computed from --prices, or the kind
                          the --returns file holds (used to compound the buy-and-hold return)
  --event-date DATE       day 0; a date that is not a row of the file moves to the next row
  --event ID              an event of data/events.json (e.g. us-election-2024): day 0 is the first
                          session of the market's exchange closing after it, as in the dashboard,
                          and the CSV files carry its id in event_id
  --estimation A:B        estimation window (default -250:-11)
  --gap A:B               days left out between estimation and event windows (default: none)
  --window A:B            event window (default -5:10)
  --car-windows A:B,C:D   CAR windows to test (default 0:0,0:1,-1:1 where they fit, and the whole
                          event window)
                          A and B are trading-day offsets from day 0 (-250, 0, +10) or dates
                          (2024-10-29) that are rows of the file

Output:
  --format FORMAT         json (default: the numbers, every test, and "summary", the answer as the
                          dashboard states it) | csv (one row per security and event day, the file of
                          the dashboard's "Download CSV" and /api/study.csv) | portfolio-csv (AAR,
                          CAAR and every test per day and per CAR window, as /api/study-portfolio.csv)
  --out FILE              write to FILE instead of stdout
  --help                  print this help

Exit status: 0 on success, 1 when the data or the study cannot be used, 2 for a wrong command line;
the reason is one line on stderr.

Example:
  npm run --silent study -- --returns returns.csv --market SYN_MKT --securities SYN_A,SYN_B \\
    --event-date 2024-11-06 --estimation -130:-11 --gap -10:-6 --window -5:5
`;
