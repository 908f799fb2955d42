package qingcloud

import (
	"context"
	"math/rand/v2"
	"strings"
	"time"
)

// RetryPolicy bounds the retries of ret_code 5000 (internal error) and 5100
// (server busy). Only those two codes are retried, and by default only for
// Describe* actions: a busy RunInstances may still have run, and sending it
// again could create a second set of machines.
type RetryPolicy struct {
	// MaxAttempts counts the first try; 1 disables retries.
	MaxAttempts int
	// BaseDelay doubles after each attempt, up to MaxDelay; each wait is
	// jittered to between half and all of that value.
	BaseDelay time.Duration
	MaxDelay  time.Duration
}

// DefaultRetryPolicy is 4 attempts waiting about 0.5 s, 1 s and 2 s.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxAttempts: 4, BaseDelay: 500 * time.Millisecond, MaxDelay: 8 * time.Second}
}

func (p RetryPolicy) delay(attempt int) time.Duration {
	d := p.BaseDelay
	for range attempt - 1 {
		d *= 2
		if p.MaxDelay > 0 && d >= p.MaxDelay {
			d = p.MaxDelay
			break
		}
	}
	if d <= 0 {
		return 0
	}
	return d/2 + rand.N(d/2+1)
}

type idempotentKey struct{}

// Idempotent marks the calls made with the returned context as safe to
// retry on 5000/5100 whatever their action, for callers who know a write is
// idempotent (or who check its effect themselves).
func Idempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}

func (t *Transport) retryable(ctx context.Context, action string) bool {
	if t.retryAll || strings.HasPrefix(action, "Describe") {
		return true
	}
	v, _ := ctx.Value(idempotentKey{}).(bool)
	return v
}
