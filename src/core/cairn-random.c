/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cairn-random"

#include "config.h"

#include "cairn-random.h"

/* splitmix64 (Steele, Lea and Flood 2014), as Vigna recommends for seeding
 * xoshiro: one step of it for each word of state. */
guint64
cairn_splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

void
cairn_random_init (CairnRandom *self,
                   guint64      seed)
{
  guint64 state = seed;

  for (int i = 0; i < 4; i++)
    self->s[i] = cairn_splitmix64 (&state);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

/* xoshiro256** 1.0 (Blackman and Vigna 2018). */
guint64
cairn_random_next (CairnRandom *self)
{
  guint64 *s = self->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

/* A uniform integer in [0, @n), without modulo bias; 0 when @n is 0. */
guint64
cairn_random_below (CairnRandom *self,
                    guint64      n)
{
  guint64 threshold, x;

  if (n <= 1)
    return 0;
  threshold = (0 - n) % n; /* 2^64 mod n */
  do
    x = cairn_random_next (self);
  while (x < threshold);
  return x % n;
}

/* A uniform integer in [@lo, @hi]; @lo when @hi < @lo. */
int
cairn_random_range (CairnRandom *self,
                    int          lo,
                    int          hi)
{
  if (hi <= lo)
    return lo;
  return lo + (int) cairn_random_below (self, (guint64) ((gint64) hi - lo + 1));
}

/* A uniform double in [0, 1) with 53 random bits. */
double
cairn_random_double (CairnRandom *self)
{
  return (double) (cairn_random_next (self) >> 11) * (1.0 / 9007199254740992.0);
}

gboolean
cairn_random_chance (CairnRandom *self,
                     double       p)
{
  return cairn_random_double (self) < p;
}

/* An index into @weights chosen with probability proportional to its weight. */
guint
cairn_random_weighted (CairnRandom *self,
                       const guint *weights,
                       guint        n_weights)
{
  guint64 total = 0, x;

  for (guint i = 0; i < n_weights; i++)
    total += weights[i];
  g_return_val_if_fail (total > 0, 0);
  x = cairn_random_below (self, total);
  for (guint i = 0; i < n_weights; i++)
    {
      if (x < weights[i])
        return i;
      x -= weights[i];
    }
  return n_weights - 1;
}
