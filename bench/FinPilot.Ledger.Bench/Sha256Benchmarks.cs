using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using FinPilot.Ledger.Merkle;

namespace FinPilot.Ledger.Bench;

/// <summary>The machine's raw SHA-256 rate on 64-byte inputs: the floor under every figure above.</summary>
public class Sha256Benchmarks
{
    private readonly byte[] _input = new byte[64];
    private readonly byte[] _output = new byte[32];
    private readonly MerkleHash _left = MerkleHash.Leaf([1]);
    private readonly MerkleHash _right = MerkleHash.Leaf([2]);

    [Benchmark(Baseline = true)]
    public byte[] RawSha256Of64Bytes()
    {
        SHA256.HashData(_input, _output);
        return _output;
    }

    /// <summary>An interior node hash: 65 bytes in, so two SHA-256 compression blocks.</summary>
    [Benchmark]
    public MerkleHash NodeHash() => MerkleHash.Node(_left, _right);
}
