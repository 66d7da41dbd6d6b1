import { describe, expect, it } from 'vitest';
import { instructorSchema } from '../../../src/collections/schemas/instructor.ts';

const withPhoto = (photo: string) =>
  instructorSchema.safeParse({ name: 'Ada Example', photo }).success;

describe('an instructor’s photo', () => {
  it('is an image file in content/instructors/, named from the instructor’s file', () => {
    expect(withPhoto('photos/ada-example.jpg')).toBe(true);
    expect(withPhoto('ada-example.webp')).toBe(true);
  });

  it('never leaves content/, and is an image', () => {
    expect(withPhoto('../../etc/passwd.jpg')).toBe(false);
    expect(withPhoto('photos/../../secret.png')).toBe(false);
    expect(withPhoto('/images/instructors/ada.jpg')).toBe(false);
    expect(withPhoto('photos/ada-example.svg')).toBe(false);
  });
});
