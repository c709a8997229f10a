// Command goverify checks FinPilot.Ledger's output with Go's golang.org/x/mod/sumdb
// packages (an independent implementation), and produces Go-made logs for the reverse check.
// It is built by the interop test in GOPATH mode from Debian's golang-golang-x-mod-dev.
//
//	goverify verify DIR    verify the files FinPilot.Ledger wrote into DIR
//	goverify generate DIR  write a Go-built log, checkpoint, proofs and tiles into DIR
package main

import (
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

func main() {
	if len(os.Args) != 3 {
		fail("usage: goverify verify|generate DIR")
	}
	dir := os.Args[2]
	switch os.Args[1] {
	case "verify":
		verify(dir)
	case "generate":
		generate(dir)
	default:
		fail("unknown command " + os.Args[1])
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, "FAIL:", msg)
	os.Exit(1)
}

func check(err error, what string) {
	if err != nil {
		fail(what + ": " + err.Error())
	}
}

func read(dir, name string) string {
	b, err := os.ReadFile(filepath.Join(dir, name))
	check(err, "read "+name)
	return string(b)
}

// openCheckpoint verifies a signed checkpoint with note.Open and splits its body.
func openCheckpoint(signed string, verifier note.Verifier) (origin string, size int64, root tlog.Hash) {
	n, err := note.Open([]byte(signed), note.VerifierList(verifier))
	check(err, "note.Open")
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("checkpoint body too short")
	}
	size, err = strconv.ParseInt(lines[1], 10, 64)
	check(err, "checkpoint size")
	root, err = tlog.ParseHash(lines[2])
	check(err, "checkpoint root")
	return lines[0], size, root
}

func parseHashes(lines []string) []tlog.Hash {
	var hashes []tlog.Hash
	for _, line := range lines {
		if line == "" {
			continue
		}
		h, err := tlog.ParseHash(line)
		check(err, "hash")
		hashes = append(hashes, h)
	}
	return hashes
}

// tileFiles serves tiles from DIR at their c2sp.org/tlog-tiles paths; Go's sumdb paths
// carry the tile height ("tile/8/L/N"), which the C2SP layout drops.
type tileFiles struct{ dir string }

func (t tileFiles) Height() int { return 8 }

func (t tileFiles) c2spPath(tile tlog.Tile) string {
	return "tile/" + strings.TrimPrefix(tile.Path(), "tile/8/")
}

func (t tileFiles) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	var data [][]byte
	for _, tile := range tiles {
		b, err := os.ReadFile(filepath.Join(t.dir, t.c2spPath(tile)))
		if err != nil {
			return nil, err
		}
		data = append(data, b)
	}
	return data, nil
}

func (t tileFiles) SaveTiles(tiles []tlog.Tile, data [][]byte) {}

func verify(dir string) {
	verifier, err := note.NewVerifier(strings.TrimSpace(read(dir, "vkey")))
	check(err, "note.NewVerifier")

	// The tlog-proof file: header, optional extra, index, hashes, blank line, signed checkpoint.
	proofText := read(dir, "entry.tlog-proof")
	blank := strings.Index(proofText, "\n\n")
	if blank < 0 {
		fail("tlog-proof has no blank line")
	}
	head := strings.Split(proofText[:blank], "\n")
	if head[0] != "c2sp.org/tlog-proof@v1" {
		fail("tlog-proof header")
	}
	head = head[1:]
	if strings.HasPrefix(head[0], "extra ") {
		head = head[1:]
	}
	index, err := strconv.ParseInt(strings.TrimPrefix(head[0], "index "), 10, 64)
	check(err, "tlog-proof index")
	_, size, root := openCheckpoint(proofText[blank+2:], verifier)
	entry := []byte(read(dir, "entry"))
	check(tlog.CheckRecord(parseHashes(head[1:]), size, root, index, tlog.RecordHash(entry)), "tlog.CheckRecord")
	fmt.Println("OK inclusion")

	_, oldSize, oldRoot := openCheckpoint(read(dir, "old-checkpoint"), verifier)
	consistency := parseHashes(strings.Split(read(dir, "consistency"), "\n"))
	check(tlog.CheckTree(consistency, size, root, oldSize, oldRoot), "tlog.CheckTree")
	fmt.Println("OK consistency")

	// TileHashReader checks every tile it reads against the tree hash before using it.
	reader := tlog.TileHashReader(tlog.Tree{N: size, Hash: root}, tileFiles{dir})
	treeHash, err := tlog.TreeHash(size, reader)
	check(err, "tlog.TreeHash over tiles")
	if treeHash != root {
		fail("root from tiles differs")
	}
	tileProof, err := tlog.ProveRecord(size, index, reader)
	check(err, "tlog.ProveRecord over tiles")
	check(tlog.CheckRecord(tileProof, size, root, index, tlog.RecordHash(entry)), "tlog.CheckRecord (tiles)")
	fmt.Println("OK tiles")
}

type hashSlice []tlog.Hash

func (h hashSlice) ReadHashes(indexes []int64) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(indexes))
	for i, x := range indexes {
		out[i] = h[x]
	}
	return out, nil
}

func write(dir, name, text string) {
	path := filepath.Join(dir, name)
	check(os.MkdirAll(filepath.Dir(path), 0o755), "mkdir")
	check(os.WriteFile(path, []byte(text), 0o644), "write "+name)
}

func joinHashes(hashes []tlog.Hash) string {
	var b strings.Builder
	for _, h := range hashes {
		b.WriteString(h.String() + "\n")
	}
	return b.String()
}

func generate(dir string) {
	const origin = "go.example/log"
	const size, oldSize, index = 1000, 300, 777
	skey, vkey, err := note.GenerateKey(rand.Reader, origin)
	check(err, "note.GenerateKey")
	signer, err := note.NewSigner(skey)
	check(err, "note.NewSigner")

	var stored hashSlice
	for i := int64(0); i < size; i++ {
		hashes, err := tlog.StoredHashes(i, []byte(fmt.Sprintf("entry %d", i)), stored)
		check(err, "tlog.StoredHashes")
		stored = append(stored, hashes...)
	}
	root, err := tlog.TreeHash(size, stored)
	check(err, "tlog.TreeHash")
	oldRoot, err := tlog.TreeHash(oldSize, stored)
	check(err, "tlog.TreeHash old")

	sign := func(n int64, h tlog.Hash) string {
		msg, err := note.Sign(&note.Note{Text: fmt.Sprintf("%s\n%d\n%s\n", origin, n, h)}, signer)
		check(err, "note.Sign")
		return string(msg)
	}
	recordProof, err := tlog.ProveRecord(size, index, stored)
	check(err, "tlog.ProveRecord")
	treeProof, err := tlog.ProveTree(size, oldSize, stored)
	check(err, "tlog.ProveTree")

	write(dir, "vkey", vkey+"\n")
	write(dir, "checkpoint", sign(size, root))
	write(dir, "old-checkpoint", sign(oldSize, oldRoot))
	write(dir, "inclusion", joinHashes(recordProof))
	write(dir, "consistency", joinHashes(treeProof))
	write(dir, "params", fmt.Sprintf("%d %d %d\n", size, oldSize, index))
	for _, tile := range tlog.NewTiles(8, 0, size) {
		data, err := tlog.ReadTileData(tile, stored)
		check(err, "tlog.ReadTileData")
		write(dir, tileFiles{}.c2spPath(tile), string(data))
	}
	fmt.Println("OK generated")
}
