// The extract stage: placeholder until quantities and dates land.
#include "extract/mentions.h"
