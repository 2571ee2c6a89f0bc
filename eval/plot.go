package eval

import (
	"fmt"
	"image/color"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	_ "gonum.org/v1/plot/vg/vgimg" // png, jpg, tif
	_ "gonum.org/v1/plot/vg/vgpdf" // pdf
	_ "gonum.org/v1/plot/vg/vgsvg" // svg

	"github.com/precis-news/precis"
)

// PlotFormats are the file extensions Plot writes.
var PlotFormats = []string{".svg", ".png", ".pdf", ".jpg", ".jpeg", ".tif", ".tiff"}

var (
	algorithmColor = color.RGBA{R: 0x1f, G: 0x77, B: 0xb4, A: 0xff} // blue: run by the evaluation
	systemColor    = color.RGBA{R: 0x99, G: 0x99, B: 0x99, A: 0xff} // grey: read from the dataset
)

// Plot draws the report as a chart in path (its extension gives the format: see
// PlotFormats): one panel per measure (ROUGE-1, -2, -L, -SU4), one horizontal bar per row,
// best at the top, with its confidence interval as an error bar. Summarizers run by the
// evaluation are blue, systems read from the dataset grey.
func (r *Report) Plot(path string, m Measure) error {
	ext := strings.ToLower(filepath.Ext(path))
	if !slices.Contains(PlotFormats, ext) {
		return fmt.Errorf("eval: cannot draw %q: want a name ending in %s: %w", path, strings.Join(PlotFormats, ", "), precis.ErrInvalid)
	}
	metrics := r.tableMetrics()
	if len(r.Rows) == 0 || len(metrics) == 0 {
		return fmt.Errorf("eval: nothing to draw: %w", precis.ErrInvalid)
	}
	n := len(r.Rows)
	names := make([]string, n)
	for k, row := range r.Rows {
		names[n-1-k] = row.Name // the best at the top
	}
	panels := make([]*plot.Plot, len(metrics))
	for j, mt := range metrics {
		p := plot.New()
		p.Title.Text = shortName(mt)
		p.X.Label.Text = fmt.Sprintf("%s ×100", m)
		p.X.Min = 0
		var bars ciBars
		for k, row := range r.Rows {
			e := m.of(row.Scores.Get(mt))
			pos := float64(n - 1 - k)
			bc, err := plotter.NewBarChart(plotter.Values{100 * e.Average}, vg.Points(9))
			if err != nil {
				return fmt.Errorf("eval: %w", err)
			}
			bc.Horizontal, bc.XMin = true, pos
			bc.Color, bc.LineStyle.Width = systemColor, 0
			if row.Kind == Algorithm {
				bc.Color = algorithmColor
			}
			p.Add(bc)
			bars = append(bars, ci{pos: pos, avg: 100 * e.Average, lo: 100 * e.Lower, hi: 100 * e.Upper})
		}
		for _, b := range bars {
			p.X.Max = max(p.X.Max, 1.04*b.hi)
		}
		eb, err := plotter.NewXErrorBars(bars)
		if err != nil {
			return fmt.Errorf("eval: %w", err)
		}
		p.Add(eb)
		p.NominalY(names...)
		if j > 0 {
			p.Y.Tick.Label.Font.Size = 0
			p.Y.Tick.Label.Color = color.Transparent
		}
		panels[j] = p
	}

	width := vg.Length(len(metrics))*2.6*vg.Inch + 1.6*vg.Inch
	height := vg.Length(n)*0.22*vg.Inch + 1.1*vg.Inch
	c, err := draw.NewFormattedCanvas(width, height, strings.TrimPrefix(ext, "."))
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	dc := draw.New(c)
	tiles := draw.Tiles{Rows: 1, Cols: len(metrics), PadX: vg.Millimeter * 2, PadTop: vg.Millimeter * 2, PadBottom: vg.Millimeter * 2, PadLeft: vg.Millimeter * 2, PadRight: vg.Millimeter * 4}
	canvases := plot.Align([][]*plot.Plot{panels}, tiles, dc)
	for j, p := range panels {
		p.Draw(canvases[0][j])
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	if _, err := c.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("eval: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	return nil
}

// ci is one bar's interval, for plotter.NewXErrorBars.
type ci struct{ pos, avg, lo, hi float64 }

type ciBars []ci

func (b ciBars) Len() int                    { return len(b) }
func (b ciBars) XY(i int) (float64, float64) { return b[i].avg, b[i].pos }
func (b ciBars) XError(i int) (float64, float64) {
	return max(0, b[i].avg-b[i].lo), max(0, b[i].hi-b[i].avg)
}
