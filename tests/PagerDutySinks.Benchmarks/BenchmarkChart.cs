using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace PagerDutySinks.Benchmarks;

/// <summary>Draws the per-call cost of every benchmark (BenchmarkDotNet CSV reports) as one SVG bar chart per class.</summary>
internal static class BenchmarkChart
{
    private const int BarHeight = 22;
    private const int LabelWidth = 360;
    private const int PlotWidth = 420;

    public static int Write(string resultsDirectory, string svgPath)
    {
        var groups = Directory.GetFiles(resultsDirectory, "*-report.csv")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (Name: ClassName(f), Rows: ReadMeans(f)))
            .Where(g => g.Rows.Count > 0)
            .ToList();
        if (groups.Count == 0)
        {
            Console.Error.WriteLine($"No *-report.csv under {resultsDirectory}: run the benchmarks first.");
            return 1;
        }

        var svg = new StringBuilder();
        var y = 40;
        var body = new StringBuilder();
        foreach (var (name, rows) in groups)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"10\" y=\"{y}\" font-weight=\"bold\">{WebUtility.HtmlEncode(name)}</text>");
            y += 10;
            var max = rows.Max(r => r.Nanoseconds);
            foreach (var (method, ns) in rows)
            {
                var width = max <= 0 ? 0 : Math.Max(1, ns / max * PlotWidth);
                body.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + 15}\" text-anchor=\"end\">{WebUtility.HtmlEncode(method)}</text>");
                body.AppendLine(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{width:F1}\" height=\"{BarHeight - 6}\" fill=\"#06ac38\"/>");
                body.AppendLine(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 6:F1}\" y=\"{y + 15}\">{Format(ns)}</text>");
                y += BarHeight;
            }

            y += 24;
        }

        var totalWidth = LabelWidth + PlotWidth + 120;
        svg.AppendLine(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{totalWidth}\" height=\"{y}\" font-family=\"sans-serif\" font-size=\"12\">");
        svg.AppendLine(CultureInfo.InvariantCulture, $"<rect width=\"{totalWidth}\" height=\"{y}\" fill=\"white\"/>");
        svg.AppendLine("<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\">Mean time per operation (shorter is better)</text>");
        svg.Append(body);
        svg.AppendLine("</svg>");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(svgPath))!);
        File.WriteAllText(svgPath, svg.ToString());
        Console.WriteLine($"Wrote {svgPath}");
        return 0;
    }

    private static string ClassName(string file)
    {
        var name = Path.GetFileName(file).Replace("-report.csv", "", StringComparison.Ordinal);
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static List<(string Method, double Nanoseconds)> ReadMeans(string file)
    {
        var lines = File.ReadAllLines(file);
        if (lines.Length < 2)
        {
            return [];
        }

        var header = SplitCsv(lines[0]);
        var method = header.IndexOf("Method");
        var mean = header.IndexOf("Mean");
        var rows = new List<(string, double)>();
        foreach (var line in lines.Skip(1))
        {
            var cells = SplitCsv(line);
            if (method < 0 || mean < 0 || cells.Count <= Math.Max(method, mean) || !TryParseDuration(cells[mean], out var ns))
            {
                continue;
            }

            rows.Add((cells[method].Trim('\''), ns));
        }

        return rows;
    }

    private static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if ((c == ',' || c == ';') && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }

    private static bool TryParseDuration(string text, out double nanoseconds)
    {
        nanoseconds = 0;
        var parts = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !double.TryParse(parts[0], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var unit = parts.Length > 1 ? parts[1] : "ns";
        var scale = unit switch
        {
            "ns" => 1.0,
            "us" or "μs" or "µs" => 1e3,
            "ms" => 1e6,
            "s" => 1e9,
            _ => double.NaN,
        };
        nanoseconds = value * scale;
        return !double.IsNaN(nanoseconds);
    }

    private static string Format(double ns) => ns switch
    {
        < 1e3 => ns.ToString("F1", CultureInfo.InvariantCulture) + " ns",
        < 1e6 => (ns / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " µs",
        _ => (ns / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms",
    };
}
