package qingcloud

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Default API quota from overview.md: 2000 requests per 3600 seconds for a
// new account.
const (
	DefaultRateLimit  = 2000
	DefaultRatePeriod = 3600 * time.Second
)

// limiter is a token bucket holding up to n tokens, refilled at n per
// period. It starts full: a short script's first calls go out at once, and
// the steady rate keeps a long-running client near the server's quota.
// Waiters reserve a token first (the count may go negative) and then sleep
// off the debt, so concurrent callers are served in order.
type limiter struct {
	mu     sync.Mutex
	burst  float64
	perSec float64
	tokens float64
	last   time.Time
	clock  *clock
}

func newLimiter(n int, per time.Duration, c *clock) *limiter {
	if n <= 0 || per <= 0 {
		return nil
	}
	return &limiter{burst: float64(n), perSec: float64(n) / per.Seconds(), tokens: float64(n), clock: c}
}

// wait takes one token, sleeping until it is due; it gives up at once when
// ctx's deadline would pass first.
func (l *limiter) wait(ctx context.Context) error {
	if l == nil {
		return ctx.Err()
	}
	l.mu.Lock()
	now := l.clock.now()
	if !l.last.IsZero() {
		l.tokens = min(l.burst, l.tokens+now.Sub(l.last).Seconds()*l.perSec)
	}
	l.last = now
	l.tokens--
	var delay time.Duration
	if l.tokens < 0 {
		delay = time.Duration(-l.tokens / l.perSec * float64(time.Second))
	}
	l.mu.Unlock()
	if delay == 0 {
		return ctx.Err()
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < delay {
		l.giveBack()
		return fmt.Errorf("rate limit: next request allowed in %s, after the context deadline: %w", delay.Round(time.Millisecond), context.DeadlineExceeded)
	}
	if err := l.clock.sleep(ctx, delay); err != nil {
		l.giveBack()
		return err
	}
	return nil
}

func (l *limiter) giveBack() {
	l.mu.Lock()
	l.tokens = min(l.burst, l.tokens+1)
	l.mu.Unlock()
}

// clock is the time source of one Transport; tests replace both halves so
// rate limits, backoff and job polling run without real sleeps.
type clock struct {
	nowFunc   func() time.Time
	sleepFunc func(ctx context.Context, d time.Duration) error
}

func (c *clock) now() time.Time {
	if c.nowFunc != nil {
		return c.nowFunc()
	}
	return time.Now()
}

func (c *clock) sleep(ctx context.Context, d time.Duration) error {
	if c.sleepFunc != nil {
		return c.sleepFunc(ctx, d)
	}
	return sleepCtx(ctx, d)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
