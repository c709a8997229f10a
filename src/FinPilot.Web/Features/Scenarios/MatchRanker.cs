using System.Net;
using FinPilot.Domain.Scenarios;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace FinPilot.Web.Features.Scenarios;

public enum MatchSide
{
    Scenario = 1,
    Solution = 2,
}

/// <summary>One published item as the recommender sees it: its words, its tags, its area and region.</summary>
public sealed record MatchDocument(Guid Id, MatchSide Side, string Title, string Text, IReadOnlyList<Technology> Technologies, BusinessArea? Area, int RegionId);

/// <summary>
/// One recommendation and why: the combined score (<see cref="MatchScore"/>) and its parts, the
/// shared technologies, the words both texts share, and the candidate's text with those words
/// marked (HTML: the text is encoded, only <c>&lt;mark&gt;</c> is added).
/// </summary>
public sealed record Recommendation(
    Guid Id, double Score, double Text, double Tags, bool SameArea, bool SameRegion,
    IReadOnlyList<Technology> SharedTechnologies, IReadOnlyList<string> MatchingTerms, string HighlightHtml);

/// <summary>
/// Ranks one side's items against an item of the other side: BM25 over a Chinese analysis
/// (Lucene.Net's SmartCn: a hidden-Markov word segmenter with its own stop words) of the titles and
/// texts, normalised by the best text score of the query, combined with the tag overlap, the area
/// and the region by <see cref="MatchScore"/>'s documented weights.
/// </summary>
/// <remarks>
/// The index is an in-memory <see cref="RAMDirectory"/> built at once from every published item and
/// never written to again: a change anywhere builds a new ranker (see <see cref="ScenarioRecommender"/>).
/// That is simple and always consistent, and fits the expected scale — a few thousand scenarios and
/// solutions build in well under a second and take a few megabytes. Beyond tens of thousands of items,
/// or many changes a second, move to incremental updates of an on-disk index (or a search server).
/// Every candidate of the other side is scored (tags and region count even without shared words), so a
/// query is linear in the number of candidates.
/// </remarks>
public sealed class MatchRanker
{
    public const int MaxQueryTerms = 256;
    public const int MaxMatchingTerms = 12;
    private const string IdField = "id";
    private const string TextField = "text";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Analyzer _analyzer = new SmartChineseAnalyzer(Version);
    private readonly IndexSearcher _searcher;
    private readonly Dictionary<Guid, MatchDocument> _documents;
    private readonly Dictionary<Guid, HashSet<string>> _terms;

    public MatchRanker(IEnumerable<MatchDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _documents = documents.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        _terms = _documents.Values.ToDictionary(d => d.Id, d => Terms(Content(d)).ToHashSet(StringComparer.Ordinal));
        var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var item in _documents.Values)
            {
                var document = new Document();
                document.Add(new StringField(IdField, item.Id.ToString("N"), Field.Store.YES));
                document.Add(new TextField(TextField, Content(item), Field.Store.NO));
                writer.AddDocument(document);
            }

            writer.Commit();
        }

        _searcher = new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new BM25Similarity() };
    }

    public int Count => _documents.Count;

    public bool Contains(Guid id) => _documents.ContainsKey(id);

    public MatchDocument? Find(Guid id) => _documents.GetValueOrDefault(id);

    /// <summary>
    /// The items of the other side than <paramref name="query"/>'s that <paramref name="allowed"/> lets
    /// through (the visibility rule's answer for the reader), best first, at most <paramref name="take"/>.
    /// </summary>
    public IReadOnlyList<Recommendation> Rank(MatchDocument query, Func<Guid, bool> allowed, int take)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(allowed);
        var side = query.Side == MatchSide.Scenario ? MatchSide.Solution : MatchSide.Scenario;
        var candidates = _documents.Values.Where(d => d.Side == side && d.Id != query.Id && allowed(d.Id)).ToList();
        if (candidates.Count == 0 || take <= 0)
        {
            return [];
        }

        var queryTerms = Terms(Content(query)).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms).ToList();
        var text = new BooleanQuery();
        foreach (var term in queryTerms)
        {
            text.Add(new TermQuery(new Term(TextField, term)), Occur.SHOULD);
        }

        var bm25 = new Dictionary<Guid, double>();
        if (queryTerms.Count > 0)
        {
            foreach (var hit in _searcher.Search(text, Math.Max(1, _searcher.IndexReader.MaxDoc)).ScoreDocs)
            {
                bm25[Guid.ParseExact(_searcher.Doc(hit.Doc).Get(IdField), "N")] = hit.Score;
            }
        }

        var best = candidates.Select(c => bm25.GetValueOrDefault(c.Id)).DefaultIfEmpty(0).Max();
        var queryTermSet = queryTerms.ToHashSet(StringComparer.Ordinal);
        return [.. candidates
            .Select(c =>
            {
                var normalised = best > 0 ? bm25.GetValueOrDefault(c.Id) / best : 0;
                var tags = MatchScore.Jaccard(query.Technologies, c.Technologies);
                var sameArea = query.Area is not null && query.Area == c.Area;
                var sameRegion = query.RegionId == c.RegionId;
                return (Candidate: c, Normalised: normalised, Tags: tags, SameArea: sameArea, SameRegion: sameRegion,
                    Score: MatchScore.Combine(normalised, tags, sameArea, sameRegion));
            })
            .OrderByDescending(x => x.Score).ThenBy(x => x.Candidate.Title, StringComparer.Ordinal).ThenBy(x => x.Candidate.Id)
            .Take(take)
            .Select(x => new Recommendation(
                x.Candidate.Id, Math.Round(x.Score, 4), Math.Round(x.Normalised, 4), Math.Round(x.Tags, 4), x.SameArea, x.SameRegion,
                [.. query.Technologies.Intersect(x.Candidate.Technologies).Order()],
                [.. queryTerms.Where(t => t.Length > 1 && _terms[x.Candidate.Id].Contains(t)).Take(MaxMatchingTerms)],
                Highlight(text, x.Candidate, queryTermSet.Overlaps(_terms[x.Candidate.Id])))),];
    }

    /// <summary>The words SmartCn makes of <paramref name="text"/> (stop words and punctuation dropped).</summary>
    public IReadOnlyList<string> Terms(string text)
    {
        var terms = new List<string>();
        using var stream = _analyzer.GetTokenStream(TextField, text ?? string.Empty);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private string Highlight(Query query, MatchDocument candidate, bool anyShared)
    {
        var content = candidate.Text;
        if (anyShared)
        {
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(query, TextField))
            {
                TextFragmenter = new SimpleFragmenter(80),
            };
            using var stream = _analyzer.GetTokenStream(TextField, content);
            var fragments = highlighter.GetBestFragments(stream, content, 2, " … ");
            if (!string.IsNullOrEmpty(fragments))
            {
                return fragments;
            }
        }

        return WebUtility.HtmlEncode(content.Length <= 160 ? content : content[..160] + "…");
    }

    private static string Content(MatchDocument d) => d.Title + "\n" + d.Text;
}
