namespace FinPilot.Domain.Evaluation;

/// <summary>One submitted sheet as the calibration sees it: indices instead of ids, scores in dimension order.</summary>
internal readonly record struct SheetScores(int Expert, int Project, int[] Scores);

/// <summary>
/// Least-squares fit of score(e, p, d) = quality(p, d) + bias(e) + noise, by alternating the two
/// exact partial minimisations (block coordinate descent) until the biases stop moving.
/// See <see cref="ScoreAggregation"/> for the model in words.
/// </summary>
internal static class LeniencyCalibration
{
    public const int MaxIterations = 10_000;

    /// <summary>Stop when no bias moves by more than this between two rounds.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>
    /// The biases (zero for experts not <paramref name="calibrated"/>) and the qualities per project
    /// and dimension. Within each group of experts connected by shared projects, the biases of the
    /// calibrated experts add up to zero.
    /// </summary>
    public static (double[] Bias, double[][] Quality) Fit(
        IReadOnlyList<SheetScores> sheets, int expertCount, int projectCount, int dimensionCount, bool[] calibrated)
    {
        var group = Groups(sheets, expertCount);
        var cells = new int[expertCount];
        foreach (var sheet in sheets)
        {
            cells[sheet.Expert] += dimensionCount;
        }

        var bias = new double[expertCount];
        var quality = new double[projectCount][];
        for (var p = 0; p < projectCount; p++)
        {
            quality[p] = new double[dimensionCount];
        }

        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            FitQuality(sheets, bias, quality);

            // Given the qualities, each calibrated expert's bias would be the mean of their
            // residuals; the constraint (their sum is zero in each group) moves each by a multiple
            // of 1/cells — the Lagrange solution of the constrained least-squares step.
            var meanResidual = new double[expertCount];
            foreach (var sheet in sheets)
            {
                for (var d = 0; d < dimensionCount; d++)
                {
                    meanResidual[sheet.Expert] += sheet.Scores[d] - quality[sheet.Project][d];
                }
            }

            var residualSum = new double[expertCount];
            var inverseCellSum = new double[expertCount];
            for (var e = 0; e < expertCount; e++)
            {
                if (calibrated[e] && cells[e] > 0)
                {
                    meanResidual[e] /= cells[e];
                    residualSum[group[e]] += meanResidual[e];
                    inverseCellSum[group[e]] += 1.0 / cells[e];
                }
            }

            var change = 0.0;
            for (var e = 0; e < expertCount; e++)
            {
                var next = calibrated[e] && cells[e] > 0
                    ? meanResidual[e] - (residualSum[group[e]] / inverseCellSum[group[e]] / cells[e])
                    : 0.0;
                change = Math.Max(change, Math.Abs(next - bias[e]));
                bias[e] = next;
            }

            if (change < Tolerance)
            {
                break;
            }
        }

        FitQuality(sheets, bias, quality);
        return (bias, quality);
    }

    /// <summary>Given the biases, each quality is the mean of its scores with the biases taken off.</summary>
    private static void FitQuality(IReadOnlyList<SheetScores> sheets, double[] bias, double[][] quality)
    {
        var counts = new int[quality.Length];
        foreach (var row in quality)
        {
            Array.Clear(row);
        }

        foreach (var sheet in sheets)
        {
            counts[sheet.Project]++;
            for (var d = 0; d < sheet.Scores.Length; d++)
            {
                quality[sheet.Project][d] += sheet.Scores[d] - bias[sheet.Expert];
            }
        }

        for (var p = 0; p < quality.Length; p++)
        {
            for (var d = 0; d < quality[p].Length; d++)
            {
                quality[p][d] = counts[p] == 0 ? 0 : quality[p][d] / counts[p];
            }
        }
    }

    /// <summary>For each expert, a representative of the group of experts linked to them by shared projects.</summary>
    private static int[] Groups(IReadOnlyList<SheetScores> sheets, int expertCount)
    {
        var parent = Enumerable.Range(0, expertCount).ToArray();
        int Find(int e)
        {
            while (parent[e] != e)
            {
                parent[e] = parent[parent[e]];
                e = parent[e];
            }

            return e;
        }

        foreach (var project in sheets.GroupBy(s => s.Project))
        {
            var root = Find(project.First().Expert);
            foreach (var sheet in project)
            {
                parent[Find(sheet.Expert)] = root;
            }
        }

        return [.. Enumerable.Range(0, expertCount).Select(Find)];
    }
}
