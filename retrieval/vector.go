package retrieval

import "math"

// Vector is a stored unit vector in 8 bits per component: Q holds the
// components scaled so the largest is ±127, and Scale = 1/|Q|, so the
// cosine with a unit query q is Scale × Σ q[i]·Q[i]. It takes a quarter of
// float32's memory, and a query reads a quarter of the bytes. On real news
// text the top 10 by cosine agree with float32's 99% of the time (the rest
// are near-ties); see TestQuantizedRanking.
type Vector struct {
	Scale float32
	Q     []int8
}

// Quantize stores v. A vector that cannot be normalised (zero, NaN or
// infinite) gives the zero Vector, which the store leaves out: normalising
// it would give NaN, and NaN similarities defeat every ranking.
func Quantize(v []float32) Vector {
	var m float64
	for _, x := range v {
		m = max(m, math.Abs(float64(x)))
	}
	if !(m > 0) || math.IsInf(m, 0) {
		return Vector{}
	}
	q := make([]int8, len(v))
	var sum float64
	for i, x := range v {
		k := math.Round(float64(x) * 127 / m)
		q[i] = int8(k)
		sum += k * k
	}
	return Vector{Scale: float32(1 / math.Sqrt(sum)), Q: q}
}

// Stored reports whether the vector takes part in vector search.
func (v Vector) Stored() bool { return v.Q != nil && v.Scale > 0 }

// Float returns the unit float32 vector v stands for.
func (v Vector) Float() []float32 {
	out := make([]float32, len(v.Q))
	for i, x := range v.Q {
		out[i] = float32(x) * v.Scale
	}
	return out
}

// similarity is the cosine of v with the unit query q.
func (v Vector) similarity(q []float32) float32 {
	b := v.Q[:len(q)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(q); i += 4 {
		s0 += q[i] * float32(b[i])
		s1 += q[i+1] * float32(b[i+1])
		s2 += q[i+2] * float32(b[i+2])
		s3 += q[i+3] * float32(b[i+3])
	}
	for ; i < len(q); i++ {
		s0 += q[i] * float32(b[i])
	}
	return (s0 + s1 + s2 + s3) * v.Scale
}
